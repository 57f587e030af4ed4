"""Image work the services need and the GUI is not required for: decoding with QtGui, never widgets.

A package of its own so the import contracts can say exactly this: it may use PySide6's QtCore and
QtGui (QImage decodes PNG, JPEG, GIF, BMP and WebP without a display or a QGuiApplication, on any
thread), the services may call it, and it imports nothing of SafeCase's above the domain.
"""
