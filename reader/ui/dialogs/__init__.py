"""Small dialogs: saving to collections, adding sources, preferences, shortcuts."""
