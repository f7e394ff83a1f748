"""The app's screens: Compose (home), Phrases, History, Settings."""
