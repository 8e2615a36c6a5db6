"""The per-update framework: the turn, routing, dialogs, callbacks, arguments, limits, access."""
