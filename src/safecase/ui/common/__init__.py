"""Widgets, models and labels shared by every screen."""
