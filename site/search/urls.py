"""URLs of the search app (mounted at the site root by urls.py)."""
urlpatterns: list = []
