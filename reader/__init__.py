"""Kabar: a desktop news reader that keeps clean articles for offline reading.

The package is split in two layers: :mod:`reader.core` (no Qt; fetch, extract,
feeds, store, services) and :mod:`reader.ui` (PySide6 widgets). :mod:`reader.app`
is the single composition root that builds both.
"""

__version__ = "0.1.0"

#: Reverse-DNS application id shared by the Qt application, the .desktop file,
#: the AppStream metainfo and the icon names.
APP_ID = "org.kabar.Kabar"
APP_NAME = "Kabar"
