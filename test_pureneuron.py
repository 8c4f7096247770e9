
# --- portability (issue 4) ---
#
# What a notebook (JupyterLite, PyScript, plain Jupyter) relies on.  These use
# no subprocess, so they also run under Pyodide, where processes do not exist.

import importlib.util
import inspect
import math
import os
import random

import pytest

import pureneuron

PUREPATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pureneuron.py")


def _numbers_in(value):
    """Every number inside a result made of dicts, lists and tuples; anything else fails."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [x for item in value for x in _numbers_in(item)]
    assert isinstance(value, (int, float)) and not isinstance(value, bool), \
        "a program returned %r, which is not a number" % (value,)
    return [value]


def _call_briefly(program):
    """program.run with a non-default seed and few iterations, where it takes them."""
    accepts = inspect.signature(program.run).parameters
    settings = {}
    if "seed" in accepts:
        settings["seed"] = 7
    if "iterations" in accepts:
        settings["iterations"] = max(getattr(program, "min_iterations", 1), 25)
    return program.run(**settings)


def test_portability_import_prints_nothing_and_draws_no_random_numbers(capsys):
    # Execute the file afresh, under another name, as `import pureneuron` would.
    before = random.getstate()
    spec = importlib.util.spec_from_file_location("pureneuron_fresh_import", PUREPATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert capsys.readouterr() == ("", "")
    assert random.getstate() == before
    assert [p.name for p in module.PROGRAMS] == [p.name for p in pureneuron.PROGRAMS]


@pytest.mark.parametrize("name", [p.name for p in pureneuron.PROGRAMS])
def test_portability_each_program_is_a_function_returning_numbers(capsys, name):
    program = next(p for p in pureneuron.PROGRAMS if p.name == name)
    before = random.getstate()
    result = _call_briefly(program)
    numbers = _numbers_in(result)
    assert numbers and all(math.isfinite(x) for x in numbers)
    # Computing prints nothing, leaves the notebook's `random` alone, and gives
    # the same numbers when the cell is run again.
    assert capsys.readouterr() == ("", "")
    assert random.getstate() == before
    assert _numbers_in(_call_briefly(program)) == numbers


def test_portability_main_takes_its_arguments_as_a_list_in_a_notebook(capsys, monkeypatch):
    # A Jupyter kernel's own sys.argv must not be read when a list is given.
    monkeypatch.setattr("sys.argv", ["ipykernel_launcher.py", "-f", "/tmp/kernel.json"])
    assert pureneuron.main(["--list"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert [line.split()[0] for line in out.splitlines()] == [p.name for p in pureneuron.PROGRAMS]
    first = pureneuron.PROGRAMS[0].name
    assert pureneuron.main([first, "--seed", "7", "--iterations", "30"]) == 0
    out, err = capsys.readouterr()
    assert out and err == ""
