"""Map packs: a folder of custom maps with a `pack.toml` (title, author, version, order
of maps, optional story and thumbnail), checked and zipped to share, and installed from
a zip into the data dir safely. No pygame here: the Custom maps screen draws them."""
