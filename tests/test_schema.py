"""The JSON Schemas for editors: generated from generator/content/spec.py, committed, and true to the validator."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator.content.spec import json_schemas
from generator.content.validate import EVENT_FIELDS, REGISTRY_FIELDS

from conftest import ROOT, regenerate, run

SCHEMAS = ROOT / "generator" / "schema"
CASES = Path(__file__).parent / "cases" / "invalid"


def test_committed_schemas_match_the_definitions() -> None:
    generated = {
        name: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for name, schema in json_schemas().items()
    }
    if regenerate():
        for name, text in generated.items():
            (SCHEMAS / name).write_text(text, encoding="utf-8")
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert committed == generated, (
        "generator/schema/ drifted from generator/content/spec.py (REGEN_GOLDEN=1 rewrites it)"
    )


def test_schema_and_validator_know_the_same_fields() -> None:
    schemas = json_schemas()
    assert tuple(schemas["event.schema.json"]["properties"]) == EVENT_FIELDS
    for kind, fields in REGISTRY_FIELDS.items():
        assert tuple(schemas[f"{kind}.schema.json"]["additionalProperties"]["properties"]) == fields
    assert schemas["event.schema.json"]["additionalProperties"] is False


def modeline_target(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "# yaml-language-server: $schema="
    assert first.startswith(prefix), f"{path} does not start with the schema modeline"
    return (path.parent / first[len(prefix) :]).resolve()


def test_every_content_file_names_its_schema() -> None:
    for path in sorted((ROOT / "content" / "events").rglob("*.yaml")):
        assert modeline_target(path) == SCHEMAS / "event.schema.json", path
    for kind in REGISTRY_FIELDS:
        assert modeline_target(ROOT / "content" / f"{kind}.yaml") == SCHEMAS / f"{kind}.schema.json"


def check_jsonschema(schema: Path, *files: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    return run("check-jsonschema", "--schemafile", str(schema), *map(str, files), cwd=ROOT, check=check)


def test_the_real_content_satisfies_the_schemas() -> None:
    check_jsonschema(SCHEMAS / "event.schema.json", *sorted((ROOT / "content" / "events").rglob("*.yaml")))
    for kind in REGISTRY_FIELDS:
        check_jsonschema(SCHEMAS / f"{kind}.schema.json", ROOT / "content" / f"{kind}.yaml")


@pytest.mark.parametrize(
    "case", ["unknown-field", "status-typo", "wrong-types", "missing-required", "html-and-scripts", "bad-dates-form"]
)
def test_the_schema_flags_mistakes_in_the_editor_too(case: str) -> None:
    result = check_jsonschema(SCHEMAS / "event.schema.json", CASES / f"{case}.yaml", check=False)
    assert result.returncode == 1, result.stdout


def test_github_files_satisfy_githubs_schemas() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    run("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, workflows), cwd=ROOT)
    forms = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
    forms = [f for f in forms if f.name != "config.yml"]
    assert forms
    run("check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", *map(str, forms), cwd=ROOT)


def test_the_pre_commit_hook_validates_content() -> None:
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert any(h["entry"] == "timeline validate" and "content/" in h["files"] for h in hooks)
