"""Widgets and screens shared by the panes."""
