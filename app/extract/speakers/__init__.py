"""Who is speaking: the phrase as printed, the people and bodies an article names, and
resolving a phrase ("he", "the minister") to one of them."""
