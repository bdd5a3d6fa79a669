"""URLs of the flows app (mounted at the site root by urls.py)."""
urlpatterns: list = []
