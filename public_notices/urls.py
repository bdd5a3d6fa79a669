"""URLs of the notice domain (feeds, objection form, API), mounted at the site root."""
urlpatterns: list = []
