"""The help page: the visitor's region, immediate-danger help first, a quick exit."""

import pytest

from courses.models import HelpResource, HelpSettings
from tests.factories import HelpResourceFactory


@pytest.fixture
def resources(db):
    return {
        "national": HelpResourceFactory(name="NCMEC CyberTipline", region="US", sort_order=1),
        "emergency": HelpResourceFactory(
            name="Call 911", region="US", immediate_danger=True, sort_order=5
        ),
        "crisis": HelpResourceFactory(name="Crisis Text Line", region="US", sort_order=0),
        "nm_police": HelpResourceFactory(
            name="New Mexico State Police", region="US-NM", immediate_danger=True, sort_order=9
        ),
        "nm_doj": HelpResourceFactory(name="NM Department of Justice", region="US-NM"),
        "uk": HelpResourceFactory(name="CEOP", region="GB"),
    }


def names(response):
    return [r.name for r in response.context["help"].resources]


def test_the_default_region_comes_from_the_site_setting(client, site, help_page, resources):
    response = client.get(help_page.url)
    assert response.status_code == 200
    assert names(response) == ["Call 911", "Crisis Text Line", "NCMEC CyberTipline"]

    setting = HelpSettings.for_site(site)
    setting.default_region = "GB"
    setting.save()
    assert names(client.get(help_page.url)) == ["CEOP"]


def test_a_state_shows_its_own_and_national_help_immediate_danger_first(
    client, help_page, resources
):
    response = client.get(help_page.url, {"region": "US-NM"})
    assert response.status_code == 200
    assert names(response) == [
        "New Mexico State Police",  # immediate danger, the state's own first
        "Call 911",  # immediate danger, national
        "NM Department of Justice",
        "Crisis Text Line",
        "NCMEC CyberTipline",
    ]
    html = response.content.decode()
    assert html.index("If a child is in danger right now") < html.index("New Mexico State Police")
    assert html.index("New Mexico State Police") < html.index("Report and get support")
    assert '<option value="US-NM" selected>New Mexico</option>' in html


def test_region_codes_are_case_insensitive(client, help_page, resources):
    assert "NM Department of Justice" in names(client.get(help_page.url, {"region": "us-nm"}))


def test_a_state_with_nothing_listed_falls_back_to_national_help(client, help_page, resources):
    response = client.get(help_page.url, {"region": "US-TX"})
    assert response.status_code == 200
    assert names(response) == ["Call 911", "Crisis Text Line", "NCMEC CyberTipline"]
    assert "We have nothing listed for Texas yet" in response.content.decode()


@pytest.mark.parametrize("region", ["<script>", "USA-NEW-MEXICO", "1", "US_NM"])
def test_a_malformed_region_is_refused_with_a_message(client, help_page, resources, region):
    response = client.get(help_page.url, {"region": region})
    assert response.status_code == 400
    html = response.content.decode()
    assert "is not a region we know. Showing United States (nationwide) instead." in html
    assert "<script>" not in html.split("<main", 1)[1]
    # The visitor still sees help.
    assert names(response) == ["Call 911", "Crisis Text Line", "NCMEC CyberTipline"]


def test_the_region_switcher_offers_every_listed_region(client, help_page, resources):
    options = client.get(help_page.url).context["help"].options
    assert options[0] == ("US", "United States (nationwide)")
    assert {code for code, _label in options} == {"US", "US-NM", "GB"}


def test_the_quick_exit_is_a_plain_link_styled_as_a_button(client, help_page):
    html = client.get(help_page.url).content.decode()
    assert (
        '<a class="button button--danger quick-exit" data-quick-exit '
        'href="https://www.google.com/">Quick exit</a>'
    ) in html


def test_help_resources_order_and_phone_links(resources):
    assert resources["national"].phone_href == "tel:18008435678"
    assert list(HelpResource.objects.for_region("GB")) == [resources["uk"]]
