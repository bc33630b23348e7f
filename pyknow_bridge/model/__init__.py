"""What the knowledge base concludes: typed results per claim, and the explanation graph."""
