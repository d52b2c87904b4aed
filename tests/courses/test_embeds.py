"""Videos: YouTube, Dailymotion and PeerTube (listed instances only) through Wagtail embeds."""

import pytest
from wagtail.embeds.finders import get_finders

from courses.embeds import PeerTubeFinder


class FakeResponse:
    def __init__(self, payload):
        self.payload = payload

    def raise_for_status(self):
        return None

    def json(self):
        return self.payload


def finder_for(url):
    return next((finder for finder in get_finders() if finder.accept(url)), None)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.dailymotion.com/video/x7tgad0",
        "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
        "https://peertube.fr/videos/watch/2b5f1b8c-0f7e-4d7c-9f3e-1a2b3c4d5e6f",
    ],
)
def test_supported_video_addresses_have_a_finder(url):
    assert finder_for(url) is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://unknown-instance.example/w/abc",  # not a listed PeerTube instance
        "http://framatube.org/w/abc",  # not https
        "https://127.0.0.1/w/abc",
        "https://vimeo.com/76979871",  # not offered to trainers
    ],
)
def test_other_addresses_are_refused(url):
    assert finder_for(url) is None


def test_peertube_embed_comes_from_the_instance_oembed_endpoint(monkeypatch):
    calls = []

    def fake_get(endpoint, params, headers, timeout):
        calls.append((endpoint, params["url"]))
        return FakeResponse(
            {
                "type": "video",
                "title": "Conseil municipal",
                "html": '<iframe src="https://framatube.org/videos/embed/abc"></iframe>',
                "width": 560,
                "height": 315,
            }
        )

    monkeypatch.setattr("wagtail.embeds.finders.oembed.requests.get", fake_get)
    url = "https://framatube.org/w/abc"
    embed = PeerTubeFinder().find_embed(url)
    assert calls == [("https://framatube.org/services/oembed", url)]
    assert embed["title"] == "Conseil municipal"
    assert "framatube.org/videos/embed/abc" in embed["html"]
