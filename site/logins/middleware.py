"""A login refused by logins.guard (the form shows the Chinese message on the login page) answers 429."""


class LoginRefusalStatusMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "login_refused", False) and response.status_code == 200:
            response.status_code = 429
        return response
