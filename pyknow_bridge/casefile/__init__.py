"""Reading a fact file, a stranger's data: its syntax, its names, and the strict loader."""
