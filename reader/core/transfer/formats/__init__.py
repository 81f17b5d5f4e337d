"""Pure import readers and export writers: bytes in, plain values out (and back).

No library, no network: the services in :mod:`reader.core.transfer` do that.
"""
