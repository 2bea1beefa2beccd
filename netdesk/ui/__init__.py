"""Everything that draws on screen. The only package that imports Qt."""
