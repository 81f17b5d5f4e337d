"""Kabar's Qt-free core: everything the reader does, scriptable without a display.

Nothing under this package may import PySide6; ``tests/test_architecture.py``
and the import-linter contracts in ``pyproject.toml`` enforce it.
"""
