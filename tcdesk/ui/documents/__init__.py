"""The financial agreement on screen: preview, print, sign, void."""
