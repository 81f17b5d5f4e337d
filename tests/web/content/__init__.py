"""Content of the test web: article data, page templates, feeds, fault bodies."""
