#!/usr/bin/env python3
"""Checks .github/workflows/pages.yml: it parses as YAML, builds in Debian 12 with the very build
scripts the README's hosting section names (and only those), uploads build/web/site and deploys
it to GitHub Pages with the permissions Pages needs. Usage: check_pages_workflow.py <repo root>"""
import os
import re
import sys

import yaml


def main(root):
    problems = []
    with open(os.path.join(root, ".github/workflows/pages.yml"), encoding="utf-8") as f:
        workflow = yaml.safe_load(f)
    # YAML 1.1 reads the key `on` as true.
    triggers = workflow.get("on", workflow.get(True)) or {}
    if "main" not in (triggers.get("push") or {}).get("branches", []):
        problems.append("the workflow does not run on pushes to main")
    permissions = workflow.get("permissions") or {}
    for key, value in (("pages", "write"), ("id-token", "write")):
        if permissions.get(key) != value:
            problems.append(f"permissions: {key} must be {value}")
    jobs = workflow.get("jobs") or {}
    build, deploy = jobs.get("build") or {}, jobs.get("deploy") or {}
    container = build.get("container")
    image = container.get("image") if isinstance(container, dict) else container
    if image != "debian:12":
        problems.append(f"the build runs in {image!r}, not debian:12")
    steps = build.get("steps") or []
    runs = "\n".join(s.get("run", "") for s in steps)
    called = set(re.findall(r"\./scripts/[\w.-]+(?: \w+)?", runs))
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-pages-artifact@")]
    if not uploads or (uploads[0].get("with") or {}).get("path") != "build/web/site":
        problems.append("the build does not upload build/web/site as the Pages artifact")
    if not any(str(s.get("uses", "")).startswith("actions/deploy-pages@") for s in deploy.get("steps") or []):
        problems.append("no deploy job with actions/deploy-pages")
    if deploy.get("needs") != "build":
        problems.append("the deploy job does not wait for the build")

    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    section = re.search(r"^## Hosting.*?(?=^## )", readme, re.S | re.M)
    if not section:
        problems.append("README.md has no '## Hosting' section")
        named = set()
    else:
        blocks = "\n".join(re.findall(r"```sh\n(.*?)```", section.group(0), re.S))
        named = set(re.findall(r"\./scripts/[\w.-]+(?: \w+)?", blocks))
    if named != called:
        problems.append(f"the README's hosting commands {sorted(named)} are not the workflow's {sorted(called)}")
    for command in called:
        script = os.path.join(root, command.split()[0])
        if not os.access(script, os.X_OK):
            problems.append(f"{command.split()[0]} is missing or not executable")

    for p in problems:
        print("pages workflow:", p)
    print(f"pages workflow: {len(problems)} problems; build scripts: {', '.join(sorted(called))}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
