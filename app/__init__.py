"""diplomat: who said what in diplomacy."""
