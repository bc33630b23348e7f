"""Output for readers and programs: text, JSON, memo, Markdown, DOT/SVG, the predicate reference."""
