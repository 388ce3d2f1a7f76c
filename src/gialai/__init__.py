"""Publication system for the external information of Gia Lai province."""
