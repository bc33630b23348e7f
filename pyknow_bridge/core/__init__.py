"""The foundation every layer may use: errors, time limits, paths, printable text, terms."""
