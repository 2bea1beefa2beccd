"""The window's features. Each package's ``install(window)`` adds its views, menus and
actions; a package may also offer ``settings_page(store, qsettings, parent)``. The list is
netdesk.ui.shell.window_build.FEATURES: adding a feature is one folder and one line there."""
