"""Middleware: the person's language and time zone."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers

from entraide.core.timezones import zone


class PersonLanguageMiddleware:
    """Pick the page language: the person's own, else their cookie, else French.

    French comes first: the browser's Accept-Language is not consulted, so a
    network's people land in French until they choose English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            language = user.language
        if language is None:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        return response


class PersonTimezoneMiddleware:
    """Activate the signed-in person's time zone for the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(zone(user.time_zone))
        else:
            timezone.deactivate()
        return self.get_response(request)
