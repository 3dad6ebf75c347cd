#!/usr/bin/env python3
"""The network server's whole story in headless Chromium (Selenium), with axe-core on its pages.

An admin signs in and creates a network, invites its coordinator; the coordinator opens a
campaign and invites two members; each accepts, fills in its first dimension and submits, and
sees the network's aggregates withheld (fewer than k others); the coordinator sends one back with
a comment; it sees the comment and resubmits; the coordinator reads the network report.

Run by scripts/check-network-story, which starts `maturity serve --accounts`:
    python3 scripts/network_story_test.py --base-url http://127.0.0.1:PORT --admin EMAIL --password PASSWORD
Exits 0 when every step passed and axe found no serious or critical violation.
"""

import argparse
import os
import sys
import time
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from web_app_test import BLOCKING_IMPACTS, Axe, axe_script, check, page_is_gone  # noqa: E402

PASSWORD = "a long phrase for the story"


class NetworkStory:
    def __init__(self, args):
        self.args = args
        self.base = args.base_url.rstrip("/")
        options = webdriver.ChromeOptions()
        options.binary_location = args.browser
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(args.chromedriver), options=options)
        self.blocking = []
        self.console = []

    # ------------------------------------------------------------ helpers

    def open(self, path):
        self.driver.get(self.base + path)
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def click(self, element):
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(self.driver, 15).until(lambda d: page_is_gone(old))
        WebDriverWait(self.driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def submit(self, form_selector, fields=None, button=None):
        """Fills the form's fields (name -> value; a <select> by value) and clicks its button."""
        form = self.driver.find_element(By.CSS_SELECTOR, form_selector)
        for name, value in (fields or {}).items():
            field = form.find_element(By.NAME, name)
            if field.tag_name == "select":
                Select(field).select_by_value(value)
            else:
                self.driver.execute_script("arguments[0].value = arguments[1]", field, value)
        target = form.find_element(By.CSS_SELECTOR, button or "button[type=submit]")
        self.click(target)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def axe(self, label):
        axe = Axe(self.driver, script_url=self.args.axe_script)
        axe.inject()
        violations = axe.run().get("violations", [])
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        print(f"    axe {label}: {len(violations)} violation(s), {len(blocking)} serious/critical")
        self.blocking += [(label, v["id"], v.get("help", "")) for v in blocking]
        for entry in self.driver.get_log("browser"):
            message = entry.get("message", "")
            if entry.get("level") == "SEVERE" and "/favicon.ico" not in message:
                self.console.append((label, message))

    def sign_in(self, email, password):
        self.driver.delete_all_cookies()
        self.open("/login")
        self.axe("sign-in")
        self.submit("form[action='/login']", {"email": email, "password": password})
        check("/login" not in self.driver.current_url, f"{email} could not sign in: {self.text()[:200]}")

    def accept(self, link):
        self.driver.delete_all_cookies()
        self.driver.get(link)
        self.axe("invitation")
        self.submit("form[action^='/invitations/']", {"password": PASSWORD})
        check(self.driver.current_url.rstrip("/") == self.base, f"the invitation did not sign in: {self.text()[:300]}")

    def invite(self, email, role, authority=""):
        fields = {"email": email, "role": role}
        if authority:
            fields["authority"] = authority
        self.submit("form[action$='/invitations']", fields)
        link = self.driver.find_element(By.ID, "new-link").text.strip()
        check("/invitations/" in link, f"no invitation link on the page: {self.text()[:300]}")
        return link

    # ------------------------------------------------------------ the story

    def run(self):
        steps = [
            ("admin creates the network and invites its coordinator", self.admin),
            ("coordinator opens a campaign and invites two members", self.coordinator),
            ("each member accepts, fills in and submits; aggregates withheld", self.members),
            ("coordinator sends one back with a comment", self.send_back),
            ("the member sees the comment and resubmits", self.resubmit),
            ("coordinator reads the network report", self.report),
        ]
        failed = False
        for name, step in steps:
            started = time.time()
            try:
                step()
                print(f"PASS {name} ({time.time() - started:.1f}s)")
            except Exception as error:  # noqa: BLE001 - every failure is reported the same way
                failed = True
                print(f"FAIL {name}: {error}")
                traceback.print_exc()
                break
        for label, rule, help_text in self.blocking:
            print(f"FAIL axe {label}: {rule} ({help_text})")
        for label, message in self.console:
            print(f"FAIL console on {label}: {message}")
        self.driver.quit()
        return not failed and not self.blocking and not self.console

    def admin(self):
        self.sign_in(self.args.admin, self.args.password)
        self.open("/admin")
        self.axe("administration")
        self.submit("form[action='/admin/networks']", {"id": "story", "name": "Story Network"})
        check(self.driver.current_url.endswith("/networks/story"), "not on the network's page")
        self.coordinator_link = self.invite("coordinator@story.eu", "coordinator")
        self.axe("network (link shown)")

    def coordinator(self):
        self.accept(self.coordinator_link)
        self.open("/networks/story")
        self.submit(
            "form[action='/networks/story/campaigns']",
            {"name": "Story 2026", "opensOn": "2026-01-01", "closesOn": "2099-12-31"})
        check("/networks/story/campaigns/" in self.driver.current_url, "the campaign did not open")
        self.campaign_url = self.driver.current_url
        self.axe("campaign")
        self.open("/networks/story")
        self.member_links = [
            self.invite("ana@villa-uno.es", "member", "ES-STORY-1"),
            self.invite("ben@villa-dos.es", "member", "ES-STORY-2"),
        ]

    def members(self):
        self.assessments = []
        for link in self.member_links:
            self.accept(link)
            self.axe("member home")
            self.submit("form.campaign")
            check("/dimensions/" in self.driver.current_url, "the campaign's assessment did not open")
            # The first option of every question of the first dimension, then save.
            for fieldset in self.driver.find_elements(By.CSS_SELECTOR, "fieldset.question:not([disabled])"):
                radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
                if radios:
                    self.driver.execute_script("arguments[0].click()", radios[0])
            self.axe("dimension")
            self.click(self.driver.find_element(By.CSS_SELECTOR, "button[value=stay]"))
            self.click(self.driver.find_element(By.CSS_SELECTOR, "form.submit button"))
            check("/results" in self.driver.current_url, "submitting did not lead to the results")
            check("Submitted: locked" in self.text(), "no locked notice after submitting")
            check("Withheld until at least" in self.text(), "the aggregates are not withheld")
            self.axe("results (submitted)")
            self.assessments.append(self.driver.current_url.split("/assessments/")[1].split("/")[0])

    def send_back(self):
        self.sign_in("coordinator@story.eu", PASSWORD)
        self.driver.get(self.campaign_url)
        self.click(self.driver.find_element(By.CSS_SELECTOR, f"a[href='/assessments/{self.assessments[0]}/review']"))
        self.axe("review")
        first = self.driver.find_element(By.CSS_SELECTOR, "textarea[name^='comment.']")
        self.question = first.get_attribute("name").split(".", 1)[1]
        first.send_keys("Which council decision adopted this?")
        self.click(self.driver.find_element(By.CSS_SELECTOR, "button[value=return]"))
        check("sent back for changes" in self.text(), "the campaign page does not show the assessment sent back")

    def resubmit(self):
        self.sign_in("ana@villa-uno.es", PASSWORD)
        self.open(f"/assessments/{self.assessments[0]}")
        check("Which council decision adopted this?" in self.text(), "the member does not see the comment")
        self.axe("dimension with a comment")
        self.click(self.driver.find_element(By.CSS_SELECTOR, "form.submit button"))
        check("Submitted: locked" in self.text(), "the resubmission did not lock the assessment")

    def report(self):
        self.sign_in("coordinator@story.eu", PASSWORD)
        self.driver.get(self.campaign_url)
        check(self.text().count("submitted") >= 2, "the campaign does not show both submitted")
        self.click(self.driver.find_element(By.PARTIAL_LINK_TEXT, "with members named"))
        body = self.text()
        check("ES-STORY-1" in body and "ES-STORY-2" in body, "the network report does not name both members")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--admin", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--browser", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    args = parser.parse_args()
    args.axe_script = axe_script()
    if Axe is None or not args.axe_script:
        print("axe-selenium-python is missing: pip install axe-selenium-python", file=sys.stderr)
        return 2
    return 0 if NetworkStory(args).run() else 1


if __name__ == "__main__":
    sys.exit(main())
