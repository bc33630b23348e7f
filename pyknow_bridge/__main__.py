"""``python -m pyknow_bridge`` runs the command line."""

from pyknow_bridge.cli import main

if __name__ == "__main__":
    main()
