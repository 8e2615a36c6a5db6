"""One module per feature; each handler reads input, calls one service, renders, replies."""
