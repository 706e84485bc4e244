"""The app's frame: the home screen, help and the command palette."""
