"""Reading a typed line: the one grammar of one-line commands, /sale's fields, a note's client."""
