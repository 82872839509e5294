"""One module per screen; each is a `Screen` built from a Qt Designer form in `ui/`."""
