"""Tests for pureneuron.py, in the order of the file: Part I (the posts' programs, the
follow-ups, the general network, the helpers), then Part II (printing, --trace, input
checks, answers and pictures, the command line), then notebooks and the README.

What is tested against what:
- the posts' printed outputs, byte for byte (written out below, and compared with the
  files in ../shared/posts where that folder is present);
- numpy itself, running the posts' programs for other seeds and lengths (as printed in
  the posts, in .ci/numpy_reference.py, which .ci/bench_vs_numpy.py times too; tests
  marked needs_numpy, skipped where numpy is missing);
- finite differences: each weight update steps down the gradient of half the squared error;
- Python 2.7, for the way Python 2 printed a float (skipped where there is none).

Markers (pytest.ini): full_length runs a post's program at its full length; needs_numpy
compares with numpy.  A test that starts a process does so through run_process,
start_process or script, which skip where there are none (Pyodide).
"""

import ast
import contextlib
import errno
import functools
import glob
import importlib.util
import inspect
import io
import json
import math
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

import pureneuron

HERE = os.path.dirname(os.path.abspath(__file__))
PUREPATH = os.path.join(HERE, "pureneuron.py")
POSTS = os.path.join(HERE, "..", "shared", "posts")
README = os.path.join(HERE, "README.md")

needs_numpy = pytest.mark.needs_numpy
full_length = pytest.mark.full_length


# ============================================================================
# The posts: what they printed, and their data
# ============================================================================

class PostOutput:
    """What a command prints, as its post printed it, and where in ../shared/posts that is."""

    def __init__(self, file, text, part=None):
        self.file, self.text, self.part = file, text, part

    def from_file(self):
        """The same text read from the post's file (only `part`'s section, when given)."""
        with open(os.path.join(POSTS, self.file), encoding="utf-8", newline="") as handle:
            text = handle.read()
        if self.part:
            start, end = self.part
            text = text[text.index(start):text.index(end)]
        return text


# Trailing spaces are the posts' own ("weights: ").
POST_OUTPUTS = {
    "nine-lines": PostOutput("post_milo_9line_output.txt", """\
[ 0.99993704]
"""),
    "neuron": PostOutput("post_milo_main_output.txt", """\
Random starting synaptic weights: 
[[-0.16595599]
 [ 0.44064899]
 [-0.99977125]]
New synaptic weights after training: 
[[ 9.67299303]
 [-0.2078435 ]
 [-4.62963669]]
Considering new situation [1, 0, 0] -> ?: 
[ 0.99993704]
"""),
    "two-layer": PostOutput("post_trask_2layer_output.txt", """\
Output After Training:
[[ 0.00966449]
 [ 0.00786506]
 [ 0.99358898]
 [ 0.99211957]]
"""),
    "three-layer": PostOutput("post_trask_3layer_output.txt", """\
Error:0.496410031903
Error:0.00858452565325
Error:0.00578945986251
Error:0.00462917677677
Error:0.00395876528027
Error:0.00351012256786
"""),
    # the 11 lines printed nothing: this is their final l2, as numpy prints it seeded with 1
    "eleven-lines": PostOutput("numpy_trask_11line_output.txt", """\
[[ 0.00260572]
 [ 0.99672209]
 [ 0.99701711]
 [ 0.00386759]]
"""),
    "multi-layer": PostOutput("post_milo_multilayer_output.txt", """\
Stage 1) Random starting synaptic weights: 
    Layer 1 (4 neurons, each with 3 inputs): 
[[-0.16595599  0.44064899 -0.99977125 -0.39533485]
 [-0.70648822 -0.81532281 -0.62747958 -0.30887855]
 [-0.20646505  0.07763347 -0.16161097  0.370439  ]]
    Layer 2 (1 neuron, with 4 inputs):
[[-0.5910955 ]
 [ 0.75623487]
 [-0.94522481]
 [ 0.34093502]]
Stage 2) New synaptic weights after training: 
    Layer 1 (4 neurons, each with 3 inputs): 
[[ 0.3122465   4.57704063 -6.15329916 -8.75834924]
 [ 0.19676933 -8.74975548 -6.1638187   4.40720501]
 [-0.03327074 -0.58272995  0.08319184 -0.39787635]]
    Layer 2 (1 neuron, with 4 inputs):
[[ -8.18850925]
 [ 10.13210706]
 [-21.33532796]
 [  9.90935111]]
Stage 3) Considering a new situation [1, 1, 0] -> ?: 
[ 0.0078876]
"""),
    # Trask's Part 2, third program, alpha 10: the largest alpha today's numpy still
    # reproduces with 4 hidden neurons
    "gradient-descent --directions --alpha 10": PostOutput(
        "post_trask_p2_direction_output.txt", """
Training With Alpha:10
Error:0.496410031903
Error:0.00312938876301
Error:0.00214459557985
Error:0.00172397549956
Error:0.00147821451229
Error:0.00131274062834
Synapse 0
[[ 4.52597806  5.77663165 -7.34266481 -5.29379829]
 [ 1.66715206 -7.16447274 -7.99779235 -1.81881849]
 [-4.27032921 -3.35838279  3.44594007  4.88852208]]
Synapse 0 Update Direction Changes
[[  7.  19.   2.   6.]
 [  7.   2.   0.  22.]
 [ 19.  26.   9.  17.]]
Synapse 1
[[ -8.58485788]
 [ 10.1786297 ]
 [-14.87601886]
 [  7.57026121]]
Synapse 1 Update Direction Changes
[[ 22.]
 [ 15.]
 [  4.]
 [ 15.]]
""", part=("\nTraining With Alpha:10\n", "\nTraining With Alpha:100\n")),
}

# The posts' data, as PROGRAMS.md gives it: for the numpy reference and the gradients.
MILO_X = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
MILO_Y = [[0], [1], [1], [0]]
TRASK_X = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
TRASK_2LAYER_Y = [[0], [0], [1], [1]]
TRASK_3LAYER_Y = [[0], [1], [1], [0]]
MULTI_X = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0]]
MULTI_Y = [[0], [1], [1], [1], [1], [0], [0]]

# Each program: its function and the names it returns its numbers under.
PROGRAMS = {
    "nine-lines": (pureneuron.nine_lines, {"synaptic_weights", "answer"}),
    "neuron": (pureneuron.neuron, {"starting_weights", "synaptic_weights", "answer"}),
    "two-layer": (pureneuron.two_layer, {"l1", "syn0"}),
    "three-layer": (pureneuron.three_layer, {"errors", "syn0", "syn1"}),
    "eleven-lines": (pureneuron.eleven_lines, {"l2", "syn0", "syn1"}),
    "multi-layer": (pureneuron.multi_layer, {"starting_weights", "synaptic_weights", "output"}),
    "gradient-descent": (pureneuron.gradient_descent,
                         {"alpha", "errors", "synapse_0", "synapse_1"}),
}


# ============================================================================
# Helpers: running the command line, in-process and as a process
# ============================================================================

_MAIN_RUNS = {}


def run_main(*argv, cache=False):
    """pureneuron.main(argv) in this process: (exit status, stdout, stderr).

    cache=True keeps the answer for the session, for the full-length runs that the
    post tests and the README tests share (the programs are deterministic).
    """
    if cache and argv in _MAIN_RUNS:
        return _MAIN_RUNS[argv]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = pureneuron.main(list(argv))
    result = (status, out.getvalue(), err.getvalue())
    if cache:
        _MAIN_RUNS[argv] = result
    return result


# Where there are no processes (Pyodide, CPython for WebAssembly as browser notebooks
# run it), every test that starts one skips, saying why: each goes through these helpers,
# which skip, so no test needs a marker of its own (a test below checks that none
# calls subprocess itself).
NO_PROCESSES = sys.platform in ("emscripten", "wasi")


def skip_without_processes():
    """Skip the calling test where this Python cannot start a process."""
    if NO_PROCESSES:
        pytest.skip("starts a process, and %s has none" % sys.platform)


def run_process(command, timeout=60, **options):
    """Run a command (a list, or a str for sh -c) and return (exit status, stdout, stderr).

    The text captured is None for a stream redirected in options (stdout=..., stderr=...).
    """
    skip_without_processes()
    if isinstance(command, str):
        command = ["sh", "-c", command]
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    result = subprocess.run(command, timeout=timeout, universal_newlines=True, **options)
    return result.returncode, result.stdout, result.stderr


def start_process(command, **options):
    """subprocess.Popen(command, **options), for a test that talks to a running process."""
    skip_without_processes()
    return subprocess.Popen(command, **options)


def script(*args):
    """The command line that runs pureneuron.py as a script, for run_process."""
    skip_without_processes()
    return [sys.executable, PUREPATH] + list(args)


def assert_one_line_error(status, out, err, *mentions):
    """Bad input: exit status 2, nothing on stdout, one line on stderr naming what was wrong."""
    assert (status, out) == (2, ""), err
    assert err.startswith("pureneuron.py: error: ") and err.count("\n") == 1, err
    assert err.endswith("\n")
    for text in mentions:
        assert text in err


def printed_and_returned(function, *arguments, **settings):
    """What a function (a Part I program, a numpy reference program) prints, and what it returns."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = function(*arguments, **settings)
    return out.getvalue(), result


def starting_weights(seed, *shapes):
    """2 * random - 1 for each shape, drawn in order from numpy's stream for seed."""
    rng = pureneuron.numpy_random(seed)
    return [[[2 * rng.random() - 1 for _ in range(columns)] for _ in range(rows)]
            for rows, columns in shapes]


@pytest.fixture
def np():
    """numpy, or a skip where it is not installed (pureneuron itself never imports it)."""
    return pytest.importorskip("numpy")


# ============================================================================
# The numpy reference: the posts' programs written with numpy, in .ci/numpy_reference.py
# (shared with .ci/bench_vs_numpy.py, loaded here by its path)
# ============================================================================

def load_numpy_reference():
    """.ci/numpy_reference.py as a module (it imports numpy only when given it)."""
    spec = importlib.util.spec_from_file_location(
        "numpy_reference", os.path.join(HERE, ".ci", "numpy_reference.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = load_numpy_reference()




def assert_close(np, ours, theirs, where="result"):
    """Every number of a result (dicts, lists, tuples of matrices) near numpy's, shape for shape."""
    if isinstance(ours, dict):
        assert set(ours) == set(theirs), where
        for key in ours:
            assert_close(np, ours[key], theirs[key], "%s[%r]" % (where, key))
    elif isinstance(ours, tuple) or (isinstance(ours, list) and ours
                                     and isinstance(ours[0], dict)):
        assert len(ours) == len(theirs), where
        for k, (a, b) in enumerate(zip(ours, theirs)):
            assert_close(np, a, b, "%s[%d]" % (where, k))
    else:
        ours = np.asarray(ours, dtype=float)
        theirs = np.asarray(theirs, dtype=float)
        assert ours.size == theirs.size, where
        assert np.allclose(ours, theirs.reshape(ours.shape), rtol=1e-9, atol=1e-12), where


# ============================================================================
# The gradient checker
# ============================================================================

def half_squared_error(X, y, weights, bias=False):
    """½ Σ (y - out)² of a chain of sigmoid layers, with plain loops and math.exp."""
    layer = [[float(x) for x in row] for row in X]
    for w in weights:
        inputs = [row + [1.0] if bias else row for row in layer]
        layer = [[1 / (1 + math.exp(-sum(a * w[k][j] for k, a in enumerate(row))))
                  for j in range(len(w[0]))] for row in inputs]
    return 0.5 * sum((t - o) ** 2 for row_t, row_o in zip(y, layer) for t, o in zip(row_t, row_o))


def assert_steps_down_the_gradient(X, y, before, after, alpha=1, bias=False, h=1e-6):
    """after - before == -alpha * dE/dw for each weight, E = ½ Σ (y - out)², by differences."""
    assert len(before) == len(after)
    checked = 0
    for k, w in enumerate(before):
        assert [len(row) for row in w] == [len(row) for row in after[k]]
        for i, row in enumerate(w):
            for j, value in enumerate(row):
                def error_at(changed_value):
                    changed = [[list(r) for r in m] for m in before]
                    changed[k][i][j] = changed_value
                    return half_squared_error(X, y, changed, bias)
                gradient = (error_at(value + h) - error_at(value - h)) / (2 * h)
                assert after[k][i][j] - value == pytest.approx(-alpha * gradient, rel=1e-5,
                                                               abs=1e-9), (k, i, j)
                checked += 1
    assert checked


# ============================================================================
# PART I: the posts' programs print the posts' outputs
# ============================================================================

@full_length
@pytest.mark.parametrize("command", list(POST_OUTPUTS))
def test_each_post_program_prints_its_post_byte_for_byte(command):
    assert run_main(*command.split(), cache=True) == (0, POST_OUTPUTS[command].text, "")


@pytest.mark.parametrize("command", list(POST_OUTPUTS))
def test_the_post_outputs_written_here_are_the_post_files(command):
    if not os.path.isdir(POSTS):
        pytest.skip("../shared/posts is not beside this repository")
    assert POST_OUTPUTS[command].from_file() == POST_OUTPUTS[command].text


def test_the_script_prints_the_post_with_nothing_but_python():
    # -I -S: no site-packages, no user paths, as on a bare machine
    assert run_process([sys.executable, "-I", "-S", PUREPATH, "nine-lines"]) == (
        0, POST_OUTPUTS["nine-lines"].text, "")


# --- the same numbers as numpy, for other seeds and lengths -----------------------

# For gradient-descent, each case also picks alphas, a hidden layer and --directions.
NUMPY_CASES = [(0, 1, dict(alphas=(0.5, 10, 1000), hidden_size=4, directions=True)),
               (2, 37, dict(alphas=(1, 10), hidden_size=32, directions=True)),
               (42, 1500, dict(alphas=(0.1, 100), hidden_size=5, directions=False)),
               (2 ** 32 - 1, 10001, dict(alphas=(10,), hidden_size=3, directions=True))]


@needs_numpy
@pytest.mark.parametrize("seed, iterations, settings", NUMPY_CASES,
                         ids=["seed%d-%d" % case[:2] for case in NUMPY_CASES])
@pytest.mark.parametrize("name", list(PROGRAMS))
def test_each_program_prints_and_returns_what_numpy_gives(np, name, seed, iterations, settings):
    function = PROGRAMS[name][0]
    extra = settings if name == "gradient-descent" else {}
    printed, result = printed_and_returned(function, iterations=iterations, seed=seed, **extra)
    expected_printed, expected = printed_and_returned(REFERENCE.PROGRAMS[name], np, iterations,
                                                      seed, **extra)
    assert printed == expected_printed
    assert_close(np, result, expected)


@needs_numpy
def test_the_command_line_passes_seed_length_and_settings_to_the_program(np):
    printed, _ = printed_and_returned(REFERENCE.PROGRAMS["gradient-descent"], np, 30, 5,
                                      alphas=(0.5, 7), hidden_size=6, directions=True)
    assert run_main("gradient-descent", "--seed", "5", "--iterations", "30", "--alpha", "0.5",
                    "--alpha", "7", "--hidden", "6", "--directions") == (0, printed, "")
    printed, _ = printed_and_returned(REFERENCE.PROGRAMS["neuron"], np, 40, 9)
    assert run_main("neuron", "--iterations", "40", "--seed", "9") == (0, printed, "")


@needs_numpy
@pytest.mark.parametrize("bias, alpha, layers", [(False, 1, [3, 4, 1]), (True, 0.5, [3, 4, 1]),
                                                 (True, 2, [3, 5, 2, 1])])
def test_train_network_trains_as_numpy_does(np, bias, alpha, layers):
    theirs = REFERENCE.train_network(np, TRASK_X, TRASK_3LAYER_Y, layers, 200, alpha, 7, bias)
    ours = pureneuron.train_network(TRASK_X, TRASK_3LAYER_Y, layers, iterations=200, alpha=alpha,
                                    seed=7, bias=bias, every=1)
    assert_close(np, tuple(ours["weights"]), tuple(theirs["weights"]))
    assert [i for i, _ in ours["errors"]] == list(range(200))
    assert_close(np, [e for _, e in ours["errors"]], theirs["errors"])


# --- each update steps down the gradient -------------------------------------------

GRADIENT_CASES = {
    # name: (data, the program's weights from its result, settings, alpha)
    "nine-lines": (MILO_X, MILO_Y, lambda r: [r["synaptic_weights"]], {}, 1),
    "neuron": (MILO_X, MILO_Y, lambda r: [r["synaptic_weights"]], {}, 1),
    "two-layer": (TRASK_X, TRASK_2LAYER_Y, lambda r: [r["syn0"]], {}, 1),
    "three-layer": (TRASK_X, TRASK_3LAYER_Y, lambda r: [r["syn0"], r["syn1"]], {}, 1),
    "eleven-lines": (TRASK_X, TRASK_3LAYER_Y, lambda r: [r["syn0"], r["syn1"]], {}, 1),
    "multi-layer": (MULTI_X, MULTI_Y, lambda r: list(r["synaptic_weights"]), {}, 1),
    "gradient-descent": (TRASK_X, TRASK_3LAYER_Y,
                         lambda r: [r[0]["synapse_0"], r[0]["synapse_1"]],
                         dict(alphas=(0.5,), hidden_size=3), 0.5),
}


@pytest.mark.parametrize("seed", [1, 8])
@pytest.mark.parametrize("name", list(GRADIENT_CASES))
def test_each_programs_update_is_minus_the_gradient_of_half_the_squared_error(name, seed):
    X, y, weights_of, settings, alpha = GRADIENT_CASES[name]
    function = PROGRAMS[name][0]
    before = weights_of(printed_and_returned(function, iterations=0, seed=seed, **settings)[1])
    after = weights_of(printed_and_returned(function, iterations=1, seed=seed, **settings)[1])
    assert_steps_down_the_gradient(X, y, before, after, alpha)


@pytest.mark.parametrize("layers, bias, alpha", [([2, 3, 1], True, 1), ([2, 3, 2], False, 0.3),
                                                 ([2, 1], True, 2), ([2, 2, 2, 1], True, 1)])
def test_train_networks_update_is_minus_the_gradient(layers, bias, alpha):
    X = [[0, 1], [1, 1], [1, 0]]
    y = [[1], [0], [0.5]] if layers[-1] == 1 else [[1, 0], [0, 0.5], [0.25, 1]]
    result = pureneuron.train_network(X, y, layers, iterations=1, alpha=alpha, seed=3, bias=bias)
    assert_steps_down_the_gradient(X, y, result["starting_weights"], result["weights"], alpha,
                                   bias)


# --- the programs print while they train, and return their numbers -----------------

class WriteRecorder(io.StringIO):
    """A stdout that notes, for each piece written, how many sigmoids had been computed."""

    def __init__(self, counter):
        super().__init__()
        self.counter, self.writes = counter, []

    def write(self, text):
        self.writes.append((self.counter[0], text))
        return super().write(text)


@pytest.mark.parametrize("name, settings, first_words", [
    ("three-layer", {}, "Error:"),
    ("neuron", {}, "Random starting synaptic weights"),
    ("multi-layer", {}, "Stage 1)"),
    ("gradient-descent", dict(alphas=(1, 10)), "\nTraining With Alpha:1\n"),
])
def test_programs_print_while_they_train(monkeypatch, name, settings, first_words):
    # three-layer's first Error line is written when it has computed 2 of its 600 sigmoids,
    # not after all of them: a learner sees the error fall as it trains
    calls = [0]
    real_sigmoid = pureneuron.sigmoid

    def counted_sigmoid(m):
        calls[0] += 1
        return real_sigmoid(m)
    monkeypatch.setattr(pureneuron, "sigmoid", counted_sigmoid)
    recorder = WriteRecorder(calls)
    monkeypatch.setattr(sys, "stdout", recorder)
    PROGRAMS[name][0](iterations=300, **settings)
    monkeypatch.undo()
    assert calls[0] >= 300
    first = next((count, text) for count, text in recorder.writes if text.strip())
    assert recorder.getvalue().startswith(first_words)
    assert first[0] <= calls[0] // 100, "the first line waited for %d of %d sigmoids" % (
        first[0], calls[0])


def test_three_layer_prints_each_error_line_at_its_iteration(monkeypatch):
    calls = [0]
    real_sigmoid = pureneuron.sigmoid
    monkeypatch.setattr(pureneuron, "sigmoid",
                        lambda m: calls.__setitem__(0, calls[0] + 1) or real_sigmoid(m))
    recorder = WriteRecorder(calls)
    monkeypatch.setattr(sys, "stdout", recorder)
    pureneuron.three_layer(iterations=10001)
    monkeypatch.undo()
    at = [count for count, text in recorder.writes if text.startswith("Error:")]
    assert at == [2, 2 * 10000 + 2]  # after l1 and l2 of iterations 0 and 10000


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_each_program_returns_its_numbers_under_the_posts_names(name):
    function, names = PROGRAMS[name]
    printed, result = printed_and_returned(function, iterations=3, seed=7)
    assert printed
    results = result if name == "gradient-descent" else [result]
    if name == "gradient-descent":
        assert isinstance(result, list) and len(result) == 7
    for one in results:
        assert isinstance(one, dict) and set(one) == names
        numbers = [x for value in one.values() for x in flatten(value)]
        assert numbers and all(isinstance(x, (int, float)) and math.isfinite(x)
                               for x in numbers)


def flatten(value):
    """The numbers inside nested lists and tuples."""
    if isinstance(value, (list, tuple)):
        return [x for item in value for x in flatten(item)]
    return [value]


# What each program prints untrained, from its starting weights (seed 1).
def untrained(name):
    sigmoid, dot, numpy_str = pureneuron.sigmoid, pureneuron.dot, pureneuron.numpy_str
    if name in ("nine-lines", "neuron"):
        (w,) = starting_weights(1, (3, 1))
        answer = numpy_str(sigmoid(dot([[1, 0, 0]], w))[0])
        if name == "nine-lines":
            return answer + "\n", {"synaptic_weights": w}
        return ("Random starting synaptic weights: \n%s\nNew synaptic weights after training: "
                "\n%s\nConsidering new situation [1, 0, 0] -> ?: \n%s\n"
                % (numpy_str(w), numpy_str(w), answer), {"synaptic_weights": w})
    if name == "two-layer":
        (w,) = starting_weights(1, (3, 1))
        return ("Output After Training:\n%s\n" % numpy_str(sigmoid(dot(TRASK_X, w))),
                {"syn0": w})
    syn0, syn1 = starting_weights(1, (3, 4), (4, 1))
    if name == "three-layer":
        return "", {"syn0": syn0, "syn1": syn1, "errors": []}
    if name == "eleven-lines":
        return (numpy_str(sigmoid(dot(sigmoid(dot(TRASK_X, syn0)), syn1))) + "\n",
                {"syn0": syn0, "syn1": syn1})
    if name == "multi-layer":
        weights = ("    Layer 1 (4 neurons, each with 3 inputs): \n%s\n"
                   "    Layer 2 (1 neuron, with 4 inputs):\n%s\n"
                   % (numpy_str(syn0), numpy_str(syn1)))
        output = sigmoid(dot(sigmoid(dot([[1, 1, 0]], syn0)), syn1))
        return ("Stage 1) Random starting synaptic weights: \n" + weights
                + "Stage 2) New synaptic weights after training: \n" + weights
                + "Stage 3) Considering a new situation [1, 1, 0] -> ?: \n%s\n"
                % numpy_str(output[0]), {"synaptic_weights": (syn0, syn1)})
    return "\nTraining With Alpha:10\n", {"synapse_0": syn0, "synapse_1": syn1, "errors": []}


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_each_program_with_no_iterations_gives_its_untrained_result(name):
    settings = dict(alphas=(10,)) if name == "gradient-descent" else {}
    printed, result = printed_and_returned(PROGRAMS[name][0], iterations=0, **settings)
    expected_printed, expected = untrained(name)
    assert printed == expected_printed
    if name == "gradient-descent":
        result = result[0]
    for key, value in expected.items():
        assert result[key] == value, key


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_no_iterations_on_the_command_line_is_the_untrained_result(name):
    argv = [name, "--iterations", "0"] + (["--alpha", "10"] if name == "gradient-descent" else [])
    assert run_main(*argv) == (0, untrained(name)[0], "")


# --- each program's data and settings live in the program -----------------------

PART_TWO_MARKER = "# PART II"


def part_one_definitions():
    """The functions and classes Part I defines, by name: their syntax trees."""
    source = source_text()
    part_two_line = next(number for number, line in enumerate(source.split("\n"), 1)
                         if line.startswith(PART_TWO_MARKER))
    return {node.name: node for node in ast.parse(source).body
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.lineno < part_two_line}


def module_data_constants():
    """The module's names for data (lists, tables, numbers, text), not functions or types."""
    return {name for name, value in vars(pureneuron).items()
            if not name.startswith("__")
            and isinstance(value, (list, dict, tuple, set, frozenset, int, float, str, bytes))}


def names_read(tree):
    """The bare names a piece of code reads."""
    return {node.id for node in ast.walk(tree)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}


def dedented_source(obj):
    return textwrap.dedent(inspect.getsource(obj))


def test_no_part_one_code_reads_a_module_level_data_constant():
    objects = part_one_definitions()
    for name in ["nine_lines", "NeuralNetwork", "neuron", "two_layer", "three_layer",
                 "eleven_lines", "NeuronLayer", "MultiLayerNeuralNetwork", "multi_layer",
                 "gradient_descent", "train_network", "dot", "sigmoid"]:
        assert name in objects, "%s is not in Part I" % name
    constants = module_data_constants()
    assert {"DATASETS", "MAX_ITERATIONS", "PROGRAMS"} <= constants  # the checker sees them
    for name, tree in objects.items():
        read = names_read(tree) & constants
        assert not read, "%s reads %s" % (name, ", ".join(sorted(read)))


@pytest.mark.parametrize("function, inputs", [
    (pureneuron.nine_lines, "training_set_inputs"), (pureneuron.neuron, "training_set_inputs"),
    (pureneuron.two_layer, "X"), (pureneuron.three_layer, "X"), (pureneuron.eleven_lines, "X"),
    (pureneuron.multi_layer, "training_set_inputs"), (pureneuron.gradient_descent, "X")])
def test_each_post_program_writes_its_data_literally_at_its_top(function, inputs):
    tree = ast.parse(dedented_source(function))
    assignments = [node for node in ast.walk(tree) if isinstance(node, ast.Assign)
                   and any(getattr(t, "id", None) == inputs for t in node.targets)]
    assert assignments, "%s assigns no %s" % (function.__name__, inputs)
    value = assignments[0].value
    assert isinstance(value, ast.List) and all(isinstance(row, ast.List) for row in value.elts)
    assert all(isinstance(x, ast.Constant) for row in value.elts for x in row.elts)


def source_text():
    with open(PUREPATH, encoding="utf-8") as file:
        return file.read()


def function_node(tree, name):
    """The definition of the function called name in a syntax tree."""
    found = [node for node in ast.walk(tree)
             if isinstance(node, ast.FunctionDef) and node.name == name]
    assert found, "no function %s in the source any more" % name
    return found[0]


def edited_namespace(edit):
    """pureneuron's source with its syntax tree changed by edit(tree), executed afresh in a
    namespace of its own, as a learner's edited copy (the edit must change something)."""
    tree = ast.parse(source_text())
    before = ast.dump(tree)
    edit(tree)
    assert ast.dump(tree) != before, "the edit changed nothing"
    namespace = {"__name__": "pureneuron_edited"}
    exec(compile(ast.fix_missing_locations(tree), "pureneuron_edited.py", "exec"), namespace)
    return namespace


def set_default(function, parameter, value):
    """An edit for edited_namespace: parameter's default in function's signature set to value."""
    def edit(tree):
        arguments = function_node(tree, function).args
        positional = arguments.args[len(arguments.args) - len(arguments.defaults):]
        defaults = list(zip(positional, arguments.defaults))
        defaults += list(zip(arguments.kwonlyargs, arguments.kw_defaults))
        default = next((d for a, d in defaults if a.arg == parameter and d is not None), None)
        assert isinstance(default, ast.Constant), "%s has no default for %s" % (function, parameter)
        default.value = value
    return edit


def set_assignment(function, name, code):
    """An edit for edited_namespace: the value of function's first `name = ...` made code."""
    def edit(tree):
        assignments = [node for node in ast.walk(function_node(tree, function))
                       if isinstance(node, ast.Assign)
                       and any(getattr(target, "id", None) == name for target in node.targets)]
        assert assignments, "%s assigns no %s" % (function, name)
        assignments[0].value = ast.copy_location(ast.parse(code, mode="eval").body,
                                                 assignments[0].value)
    return edit


def test_the_command_line_reads_a_programs_iterations_from_its_function():
    # a learner changes 60000 in three_layer's signature to 1: the command runs 1 iteration
    namespace = edited_namespace(set_default("three_layer", "iterations", 1))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = namespace["main"](["three-layer"])
    assert (status, out.getvalue(), err.getvalue()) == (0, "Error:0.496410031903\n", "")


def test_changing_y_in_one_program_changes_that_program_only():
    namespace = edited_namespace(set_assignment("three_layer", "y", "[[1], [1], [1], [1]]"))
    edited, original = {}, {}
    for name in ["three_layer", "two_layer", "eleven_lines", "gradient_descent", "multi_layer",
                 "nine_lines"]:
        settings = dict(iterations=1)
        if name == "gradient_descent":
            settings["alphas"] = (1,)
        edited[name] = printed_and_returned(namespace[name], **settings)[0]
        original[name] = printed_and_returned(getattr(pureneuron, name), **settings)[0]
    assert edited.pop("three_layer") != original.pop("three_layer")
    assert edited == original
    assert namespace["DATASETS"] == pureneuron.DATASETS


# --- the helpers ---------------------------------------------------------------

def test_seed_1_gives_numpys_first_three_numbers():
    rng = pureneuron.numpy_random(1)
    assert [rng.random() for _ in range(3)] == [0.417022004702574, 0.7203244934421581,
                                                0.00011437481734488664]


@needs_numpy
@pytest.mark.parametrize("seed", [0, 1, 2, 42, 12345, 2 ** 32 - 1])
def test_the_random_stream_is_numpys_bit_for_bit(np, seed):
    ours = pureneuron.numpy_random(seed)
    assert [ours.random() for _ in range(2000)] == \
        np.random.RandomState(seed).random_sample(2000).tolist()


@needs_numpy
def test_random_matrices_are_numpys_row_by_row(np):
    np.random.seed(7)
    first, second = np.random.random((3, 4)), np.random.random((4, 1))
    rng = pureneuron.numpy_random(7)
    assert pureneuron.random_matrix(rng, 3, 4) == first.tolist()
    assert pureneuron.random_matrix(rng, 4, 1) == second.tolist()


@pytest.mark.parametrize("seed", [-1, 2 ** 32])
def test_seeds_numpy_refuses_are_refused(seed):
    with pytest.raises(ValueError, match="from 0 to 4294967295"):
        pureneuron.numpy_random(seed)


def test_matrix_helpers_compute_the_posts_arithmetic():
    a, b = [[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]]
    assert pureneuron.dot(a, b) == [[58, 64], [139, 154]]
    assert pureneuron.transpose(a) == [[1, 4], [2, 5], [3, 6]]
    assert pureneuron.transpose(pureneuron.transpose(a)) == a
    assert pureneuron.add(a, a) == [[2, 4, 6], [8, 10, 12]]
    assert pureneuron.subtract(1, [[0.25, 1]]) == [[0.75, 0]]
    assert pureneuron.multiply([[2, 3]], [[4, 5]]) == [[8, 15]]
    assert pureneuron.multiply(2, [[2, 3]]) == [[4, 6]]
    assert pureneuron.absolute([[-1.5, 2]]) == [[1.5, 2]]
    assert pureneuron.shape(a) == "2x3"


def test_dot_and_mean_add_from_left_to_right_as_numpy_does():
    # (0.1 + 0.2) + 0.3 and 0.1 + (0.2 + 0.3) differ in the last bit; 1e16 + 1 - 1e16 is 0
    # added in order, 1 added exactly (as sum() does from Python 3.12)
    assert pureneuron.dot([[1, 1, 1]], [[0.1], [0.2], [0.3]]) == [[(0.1 + 0.2) + 0.3]]
    assert pureneuron.mean([[1e16], [1.0], [-1e16]]) == 0.0
    assert pureneuron.mean([[0.5], [0.25]]) == 0.375


@needs_numpy
def test_matrix_helpers_agree_with_numpy_on_random_matrices(np):
    rng = random.Random(5)
    for _ in range(50):
        n, k, m = rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 6)
        a = [[rng.uniform(-3, 3) for _ in range(k)] for _ in range(n)]
        b = [[rng.uniform(-3, 3) for _ in range(m)] for _ in range(k)]
        c = [[rng.uniform(-3, 3) for _ in range(k)] for _ in range(n)]
        assert np.allclose(pureneuron.dot(a, b), np.dot(a, b), rtol=1e-13, atol=1e-13)
        assert pureneuron.transpose(a) == np.array(a).T.tolist()
        assert pureneuron.add(a, c) == (np.array(a) + np.array(c)).tolist()
        assert pureneuron.subtract(a, c) == (np.array(a) - np.array(c)).tolist()
        assert pureneuron.multiply(a, c) == (np.array(a) * np.array(c)).tolist()
        assert pureneuron.subtract(1, a) == (1 - np.array(a)).tolist()
        assert pureneuron.mean(pureneuron.absolute(a)) == pytest.approx(
            float(np.mean(np.abs(a))), rel=1e-15)
    assert pureneuron.mean([[1e16], [1.0], [-1e16]]) == float(np.mean([[1e16], [1.0], [-1e16]]))


MISMATCHED = [  # (call, the two shapes its message names)
    (lambda: pureneuron.dot([[1, 2, 3]] * 4, [[1]] * 4), ("4x3", "4x1")),
    (lambda: pureneuron.dot([[1, 2]], [[1, 2]]), ("1x2", "columns (2)", "rows (1)")),
    (lambda: pureneuron.add([[1, 2]], [[1], [2]]), ("1x2", "2x1")),
    (lambda: pureneuron.add([[1, 2]], [[1, 2, 3]]), ("1x2", "1x3")),
    (lambda: pureneuron.subtract([[1]] * 4, [[1]] * 3), ("4x1", "3x1")),
    (lambda: pureneuron.subtract([[1, 2], [3, 4]], [[1], [2]]), ("2x2", "2x1")),
    (lambda: pureneuron.multiply([[1, 2]], [[1, 2, 3]]), ("1x2", "1x3")),
    (lambda: pureneuron.multiply([[1, 2, 3]], [[1, 2]]), ("1x3", "1x2")),
]


@pytest.mark.parametrize("call, shapes", MISMATCHED)
def test_mismatched_shapes_raise_a_value_error_naming_both(call, shapes):
    with pytest.raises(ValueError) as raised:
        call()
    for text in shapes:
        assert text in str(raised.value)


RAGGED = [
    lambda: pureneuron.transpose([[1, 2], [3]]),
    lambda: pureneuron.transpose([[1], [2, 3]]),
    lambda: pureneuron.dot([[1, 2], [3]], [[1], [2]]),
    lambda: pureneuron.dot([[1, 2]], [[1], [2, 3]]),
    lambda: pureneuron.dot([[1, 2]], [[1, 2], [3]]),
    lambda: pureneuron.add([[1, 2], [3]], [[1, 2], [3, 4]]),
    lambda: pureneuron.subtract([[1, 2], [3, 4]], [[1, 2], [3]]),
    lambda: pureneuron.multiply([[1], [2, 3]], [[1, 2], [2, 3]]),
    lambda: pureneuron.mean([[1, 2], [3]]),
]


@pytest.mark.parametrize("call", RAGGED)
def test_ragged_matrices_raise_a_value_error_and_are_never_cut_short(call):
    with pytest.raises(ValueError, match="ragged|row|cannot combine"):
        call()


def test_entry_by_entry_operations_leave_no_entry_out():
    # rows of the same lengths in both pair every entry, even when the rows differ
    assert pureneuron.add([[1, 2], [3]], [[10, 20], [30]]) == [[11, 22], [33]]
    assert pureneuron.multiply(2, [[1, 2], [3]]) == [[2, 4], [6]]
    assert pureneuron.subtract([[1, 2], [3]], 1) == [[0, 1], [2]]


def test_sigmoid_gives_numpys_answers_at_the_extremes():
    assert pureneuron.sigmoid([[10 ** 400]]) == [[1.0]]
    assert pureneuron.sigmoid([[-10 ** 400]]) == [[0.0]]
    assert pureneuron.sigmoid([[-800, 800, 0]]) == [[0.0, 1.0, 0.5]]
    assert pureneuron.sigmoid([[-math.inf, math.inf]]) == [[0.0, 1.0]]
    assert pureneuron.sigmoid([[10 ** 400, -10 ** 400, 2]]) == [
        [1.0, 0.0, 1 / (1 + math.exp(-2))]]
    assert math.isnan(pureneuron.sigmoid([[math.nan]])[0][0])


@needs_numpy
def test_sigmoid_agrees_with_numpy_everywhere(np):
    xs = [-1000.0, -745.2, -709.79, -709.0, -36.0, -1.0, -1e-300, 0.0, 0.5, 36.0, 709.0, 710.0,
          1000.0, math.inf, -math.inf]
    xs += [random.Random(2).uniform(-50, 50) for _ in range(200)]
    with np.errstate(over="ignore"):
        assert pureneuron.sigmoid([xs]) == (1 / (1 + np.exp(-np.array([xs])))).tolist()


@pytest.mark.parametrize("x", [-4.0, -1.0, 0.0, 0.3, 2.5])
def test_sigmoid_slope_is_the_derivative_given_the_output(x):
    h = 1e-6
    numeric = (pureneuron.sigmoid([[x + h]])[0][0] - pureneuron.sigmoid([[x - h]])[0][0]) / (2 * h)
    assert pureneuron.sigmoid_slope(pureneuron.sigmoid([[x]]))[0][0] == pytest.approx(
        numeric, rel=1e-7)


def test_the_direction_counter_counts_each_turn_of_each_weight():
    assert pureneuron.turned([[1.0, -1.0], [0.0, 2.0]], [[-1.0, 1.0], [0.0, 3.0]]) == [
        [1.0, 1.0], [0.0, 0.0]]
    (result,) = printed_and_returned(pureneuron.gradient_descent, iterations=1, alphas=(10,),
                                     directions=True)[1]
    assert result["synapse_0_direction_count"] == [[0.0] * 4] * 3  # nothing to turn from yet


# --- the general network --------------------------------------------------------

@pytest.mark.parametrize("name, X, y, layers, weights_of", [
    ("nine_lines", MILO_X, MILO_Y, [3, 1], lambda r: [r["synaptic_weights"]]),
    ("two_layer", TRASK_X, TRASK_2LAYER_Y, [3, 1], lambda r: [r["syn0"]]),
    ("three_layer", TRASK_X, TRASK_3LAYER_Y, [3, 4, 1], lambda r: [r["syn0"], r["syn1"]]),
])
def test_train_network_with_the_posts_settings_is_the_posts_arithmetic_exactly(
        name, X, y, layers, weights_of):
    program = printed_and_returned(getattr(pureneuron, name), iterations=150, seed=4)[1]
    network = pureneuron.train_network(X, y, layers, iterations=150, seed=4)
    assert network["weights"] == weights_of(program)


def test_train_network_notes_the_error_only_when_asked():
    # nothing grows with the iterations unless every asks for it
    quiet = pureneuron.train_network(TRASK_X, TRASK_3LAYER_Y, [3, 4, 1], iterations=300)
    assert quiet["errors"] == []
    seen = []
    noted = pureneuron.train_network(TRASK_X, TRASK_3LAYER_Y, [3, 4, 1], iterations=7, every=3,
                                     on_error=lambda i, e: seen.append((i, e)))
    assert [i for i, _ in noted["errors"]] == [0, 3, 6] and seen == noted["errors"]
    assert noted["errors"][0][1] == pytest.approx(0.496410031903, abs=1e-12)


def test_bias_adds_a_row_of_weights_and_frees_the_all_zero_answer():
    plain = pureneuron.train_network(MILO_X, MILO_Y, [3, 1], iterations=2000)
    biased = pureneuron.train_network(MILO_X, MILO_Y, [3, 1], iterations=2000, bias=True)
    assert [pureneuron.shape(w) for w in biased["weights"]] == ["4x1"]
    assert pureneuron.network_answer(plain, [0, 0, 0]) == 0.5
    assert pureneuron.network_answer(biased, [0, 0, 0]) < 0.3


# ============================================================================
# PART II: the workshop (printing, --trace, input checks, pictures, the command line)
# ============================================================================

# --- printing as the posts printed ----------------------------------------------

def test_numpy_str_writes_what_numpy_1_13_wrote():
    numpy_str = pureneuron.numpy_str
    assert numpy_str([[9.67299303], [-0.2078435], [-4.62963669]]) == (
        "[[ 9.67299303]\n [-0.2078435 ]\n [-4.62963669]]")
    assert numpy_str([[1e-05], [0.999876543]]) == "[[  1.00000000e-05]\n [  9.99876543e-01]]"
    assert numpy_str([[1e100, 1.0]]) == "[[  1.00000000e+100   1.00000000e+000]]"
    assert numpy_str([[0.0, 0.0]]) == "[[ 0.  0.]]"
    assert numpy_str([[math.inf, 0.5], [math.nan, -1]]) == "[[ inf  0.5]\n [ nan -1. ]]"
    assert numpy_str([0.0]) == "[ 0.]"
    assert numpy_str([0.9999370428]) == "[ 0.99993704]"
    assert numpy_str([[0, 0, 1], [0, 1, 1]]) == "[[0 0 1]\n [0 1 1]]"
    assert numpy_str([[-1, 20], [3, 4]]) == "[[-1 20]\n [ 3  4]]"


@needs_numpy
def test_numpy_str_agrees_with_numpys_legacy_printing_on_random_matrices(np):
    rng = random.Random(3)
    scales = [1e-9, 1e-5, 1e-3, 1, 7, 123.456, 1e5, 1e9, 1e120]
    for _ in range(400):
        rows, columns = rng.randint(1, 5), rng.randint(1, 14)
        m = [[rng.choice([0.0, 1.0, -1.0, 0.5, rng.uniform(-1, 1) * rng.choice(scales),
                          round(rng.uniform(-20, 20), rng.randint(0, 9))])
              for _ in range(columns)] for _ in range(rows)]
        assert pureneuron.numpy_str(m) == REFERENCE.np_str(np, m), m
        assert pureneuron.numpy_str(m[0]) == REFERENCE.np_str(np, m[0]), m[0]
    for _ in range(200):  # whole numbers, like the posts' X and y: numpy kept them whole
        rows, columns = rng.randint(1, 5), rng.randint(1, 30)
        m = [[rng.choice([0, 1, rng.randint(-10 ** rng.randint(1, 6), 10 ** rng.randint(1, 6))])
              for _ in range(columns)] for _ in range(rows)]
        assert pureneuron.numpy_str(m) == REFERENCE.np_str(np, m), m
        assert pureneuron.numpy_str(m[0]) == REFERENCE.np_str(np, m[0]), m[0]


def test_python2_str_writes_floats_to_12_digits():
    python2_str = pureneuron.python2_str
    assert [python2_str(x) for x in [0.4964100319027255, 0.5, 1.0, 10, 0.001]] == [
        "0.496410031903", "0.5", "1.0", "10", "0.001"]
    assert [REFERENCE.py2_str(x) for x in [0.4964100319027255, 0.5, 1.0, 10]] == [
        "0.496410031903", "0.5", "1.0", "10"]


def find_python2():
    """A Python 2.7 that runs, or None."""
    candidates = glob.glob(os.path.expanduser("~/.pyenv/versions/2.7*/bin/python"))
    candidates += [shutil.which(name) for name in ("python2.7", "python2")]
    for path in filter(None, candidates):
        try:
            probe = run_process([path, "-c", "print 1"], timeout=30)
        except OSError:
            continue
        if probe[0] == 0 and probe[1].strip() == "1":
            return path
    return None


def test_python2_str_and_the_references_agree_with_a_real_python_2():
    python2 = find_python2()
    if python2 is None:
        pytest.skip("no Python 2.7 to compare with")
    rng = random.Random(11)
    samples = [0.4964100319027255, 0.5, 1.0, 0.00858452565324716, 1e-20, 123456789012345.0,
               -2.0, 0.1, 1e16, 1e17, 123456789012.5, 0.000123, math.inf, -math.inf, 0.0,
               -0.0, 1e11, 99999999999.0, 999999999999.0, 12345678901.5, 1e-4, 1e-5, 5e-324]
    samples += [rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30) for _ in range(300)]
    samples += [rng.uniform(1, 10) * 10 ** rng.randint(9, 13) for _ in range(100)]
    status, printed, err = run_process(
        [python2, "-c", "import sys\nfor x in sys.argv[1:]: print str(float(x))"]
        + [repr(x) for x in samples])
    assert (status, err) == (0, "")
    assert [REFERENCE.py2_str(x) for x in samples] == printed.split()  # the reference used above
    assert [pureneuron.python2_str(x) for x in samples] == printed.split()


# --- --trace ------------------------------------------------------------------

TRACED_NAMES = {  # each program's loop: its function, what it assigns, in that order
    "nine-lines": ("nine_lines", [], ["output", "synaptic_weights"]),
    "neuron": ("NeuralNetwork.train", [], ["output", "error", "adjustment",
                                           "self.synaptic_weights"]),
    "two-layer": ("two_layer", [], ["l0", "l1", "l1_error", "l1_delta", "syn0"]),
    "three-layer": ("three_layer", [], ["l0", "l1", "l2", "l2_error", "mean_error", "l2_delta",
                                        "l1_error", "l1_delta", "syn1", "syn0"]),
    "eleven-lines": ("eleven_lines", [], ["l1", "l2", "l2_delta", "l1_delta", "syn1", "syn0"]),
    "multi-layer": ("MultiLayerNeuralNetwork.train", [], ["output_from_layer_1", "output_from_layer_2", "layer2_error",
                         "layer2_delta", "layer1_error", "layer1_delta", "layer1_adjustment",
                         "layer2_adjustment", "self.layer1.synaptic_weights",
                         "self.layer2.synaptic_weights"]),
    "gradient-descent": ("gradient_descent", ["--alpha", "10", "--directions"], [
        "layer_0", "layer_1", "layer_2", "layer_2_error", "mean_error", "layer_2_delta",
        "layer_1_error",
        "layer_1_delta", "synapse_1_weight_update", "synapse_0_weight_update",
        "synapse_0_direction_count", "synapse_1_direction_count", "synapse_1", "synapse_0",
        "prev_synapse_0_weight_update", "prev_synapse_1_weight_update"]),
    "train": ("train_network", ["--layers", "3,4,1"], [
        "outputs[0]", "outputs[1]", "outputs[2]", "layer_errors[1]", "layer_errors[2]",
        "deltas[1]", "deltas[2]", "update", "weights[0]", "weights[1]"]),
}

LABEL = re.compile(r"^([A-Za-z_][\w.]*(?:\[\d+\])?):(?: (.*))?$")


def trace_blocks(out):
    """{iteration: [(label, note), ...]} from --trace's output; other lines are left out."""
    blocks, current = {}, None
    for line in out.splitlines():
        heading = re.match(r"^--- iteration (\d+) ---$", line)
        if heading:
            current = blocks.setdefault(int(heading.group(1)), [])
            assert current == [], "iteration %s traced twice" % heading.group(1)
        elif current is not None and LABEL.match(line):
            current.append(LABEL.match(line).groups())
    return blocks


@pytest.mark.parametrize("name", list(TRACED_NAMES))
def test_trace_shows_the_first_and_last_iteration_under_the_posts_names(name):
    function, options, names = TRACED_NAMES[name]
    argv = [name, "--iterations", "4"] + options
    status, plain, err = run_main(*argv)
    assert (status, err) == (0, "")
    status, traced, err = run_main(*(argv + ["--trace"]))
    assert (status, err) == (0, "")
    assert "--- iteration" not in plain
    blocks = trace_blocks(traced)
    assert sorted(blocks) == [0, 3]
    for block in blocks.values():
        assert [label for label, _ in block] == names
        for label, note in block:
            assert note == pureneuron.TRACE_NOTES[function][re.sub(r"\[\d+\]$", "", label)]
    # the trace adds lines; the program's own lines are all still there, in order
    lines = iter(traced.splitlines())
    assert all(line in lines for line in plain.splitlines())


def test_a_trace_of_one_iteration_shows_it_once():
    status, out, err = run_main("two-layer", "--iterations", "1", "--trace")
    assert (status, err) == (0, "")
    assert out.count("--- iteration") == 1 and out.startswith("--- iteration 0 ---\n")


def test_tracing_puts_back_the_tracer_that_was_there():
    def tracer(frame, event, arg):
        return None
    before = sys.gettrace()
    sys.settrace(tracer)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            with pureneuron.tracing(pureneuron.two_layer):
                pureneuron.two_layer(iterations=2)
        restored = sys.gettrace()
        with pytest.raises(ZeroDivisionError):
            with pureneuron.tracing(pureneuron.two_layer):
                1 / 0
        restored_after_an_error = sys.gettrace()
    finally:
        sys.settrace(before)
    assert restored is tracer and restored_after_an_error is tracer


def test_every_trace_note_is_one_line():
    for function, notes in pureneuron.TRACE_NOTES.items():
        for name, note in notes.items():
            if note is not None:  # None: not printed
                assert note and "\n" not in note and len(name + ": " + note) <= 100, name


# --- input checks: the command line refuses bad input in one line ---------------

BIG = "1" + "0" * 400   # 401 digits: more than any float holds

BAD_COMMAND_LINES = [
    # seeds
    ["nine-lines", "--seed", "-1"], ["--seed", "4294967296"], ["neuron", "--seed", "1.5"],
    ["two-layer", "--seed", "x"], ["three-layer", "--seed", ""], ["train", "--seed", BIG],
    # iterations
    ["three-layer", "--iterations", "-1"], ["three-layer", "--iterations", "1000001"],
    ["nine-lines", "--iterations", str(10 ** 30)], ["--iterations", "ten"],
    ["train", "--iterations", "1e3"], ["train", "--iterations", BIG],
    # sizes
    ["gradient-descent", "--hidden", str(10 ** 9)], ["gradient-descent", "--hidden", "0"],
    ["gradient-descent", "--hidden", "1.5"],
    ["train", "--layers", ""], ["train", "--layers", "3," + BIG + ",1"],
    ["train", "--layers", ",".join(["3"] * 11)], ["train", "--layers", "3"],
    ["train", "--layers", "3,0,1"], ["train", "--layers", "3,a,1"], ["train", "--layers", "3,,1"],
    ["train", "--layers", "3,100000000,1"], ["train", "--layers", "2,4,1"],
    ["train", "--layers", "3,4,2"], ["train", "--layers", "4,4,1", "--bias"],
    # --ask
    ["train", "--ask", BIG + ",0,0"], ["train", "--ask", "1,0"], ["train", "--ask", "1,x,0"],
    ["train", "--ask", "1,0,0,1"], ["train", "--ask", "nan,0,0"], ["train", "--ask"],
    # --alpha
    ["train", "--alpha", "0"], ["train", "--alpha", "-1"], ["train", "--alpha", "1e-400"],
    ["train", "--alpha", "nan"], ["train", "--alpha", "inf"], ["train", "--alpha", "abc"],
    ["train", "--alpha", BIG], ["gradient-descent", "--alpha", "0"],
    ["gradient-descent", "--alpha", "-1"], ["gradient-descent", "--alpha", "1e-400"],
    ["gradient-descent", "--alpha", "nan"], ["gradient-descent", "--alpha", "inf"],
    ["gradient-descent", "--alpha", "abc"], ["gradient-descent", "--alpha", "1", "--alpha", "0"],
    ["gradient-descent"] + ["--alpha", "1"] * 21,
    # --every, bench
    ["train", "--every", "-1"], ["bench", "--runs", "0"], ["bench", "--iterations", "0"],
    ["bench", "--runs", "x"], ["bench", "--runs", "101"],
    # work over the limit, before anything is trained
    ["train", "--layers", "3,1000,1", "--iterations", "1000000"],
    ["gradient-descent", "--hidden", "1000", "--iterations", "1000000"],
    ["train", "--layers", "3,1000,1000,1", "--iterations", "100"],
    # names and options
    ["nonsense"], ["three-layer", "--hidden", "2"], ["multi-layer", "--alpha", "1"],
    ["nine-lines", "--layers", "3,1"], ["train", "--directions"], ["sigmoid", "--seed", "2"],
    ["bench", "--trace"], ["--bogus"], ["train", "--data", "nonesuch"], ["train", "--data", ""],
]


@pytest.mark.parametrize("argv", BAD_COMMAND_LINES,
                         ids=lambda argv: " ".join(a[:12] for a in argv)[:60])
def test_bad_command_lines_are_one_line_and_status_2(argv):
    assert_one_line_error(*run_main(*argv))


@pytest.mark.parametrize("argv, mentions", [
    (["three-layer", "--iterations", str(10 ** 30)], ["--iterations", "1000000"]),
    (["gradient-descent", "--hidden", str(10 ** 9)], ["--hidden", "1000"]),
    (["train", "--layers", ",".join(["3"] * 11)], ["--layers", "10"]),
    (["train", "--ask", "1,0"], ["--ask", "3"]),
    (["train", "--alpha", "1e-400"], ["--alpha", "1e-400"]),
    (["bench", "--runs", "0"], ["--runs", "0"]),
    (["nonsense"], ["nonsense"]),
])
def test_errors_name_what_was_wrong_and_the_limit(argv, mentions):
    assert_one_line_error(*run_main(*argv), *mentions)


def test_a_table_of_more_than_ten_inputs_is_refused_before_training(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(["1"] * 12) + "\n")
    assert_one_line_error(*run_main("train", "--data", str(path), "--table"), "10")


# --- data files ---------------------------------------------------------------

def write_data(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return str(path)


@pytest.mark.parametrize("text, line, column", [
    ("0,0x1,1\n1,1,1\n", 1, 2),          # a first line with numbers is data, not a header
    ("1,O,1\n1,1,1\n", 1, 2),
    ("True,1,1\n1,1,1\n", 1, 1),
    ("a,b,t\n0,0,1\n\n0,x,1\n", 4, 2),
    ("0,0,1\n0,,1\n", 2, 2),
    ("0,0,1\n0,nan,1\n", 2, 2),
    ("0,0,1\n0,inf,1\n", 2, 2),
    ("0,0,1\n" + BIG + ",0,1\n", 2, 1),   # no float holds it
    ("0,0,1\n0,1,2\n", 2, 3),             # a target outside 0..1
    ("0,0,-0.5\n", 1, 3),
])
def test_a_bad_cell_is_reported_with_its_line_and_column(tmp_path, monkeypatch, text, line,
                                                         column):
    monkeypatch.chdir(tmp_path)
    write_data(tmp_path, text)
    status, out, err = run_main("train", "--data", "data.csv")
    assert_one_line_error(status, out, err, "data.csv line %d, column %d" % (line, column))


@pytest.mark.parametrize("text, mentions", [
    ("0,0,1,0\n1,1,1\n", ["line 2"]),       # fields differ from the first line's
    ("\n\n", ["no examples"]),
    ("a,b,answer\n", ["no examples"]),
    ("1\n", ["line 1"]),
])
def test_bad_csv_files_are_one_line_and_status_2(tmp_path, monkeypatch, text, mentions):
    monkeypatch.chdir(tmp_path)
    write_data(tmp_path, text)
    assert_one_line_error(*run_main("train", "--data", "data.csv"), *mentions)


def test_a_header_of_names_is_skipped_and_blank_lines_ignored(tmp_path):
    path = write_data(tmp_path, "first,second,constant,answer\n\n0,0,1,0\n1,1,1,1\n"
                                "1,0,1,1\n\n0,1,1,0\n")
    assert pureneuron.read_examples(path)[:2] == (MILO_X, MILO_Y)
    assert pureneuron.read_examples(tmp_path / "data.csv")[:2] == (MILO_X, MILO_Y)  # os.PathLike
    assert pureneuron.parse_examples(["0.5,1,0.25", " 1 , 0 , 1 ", ""])[:2] == (
        [[0.5, 1], [1, 0]], [[0.25], [1]])


def test_training_on_a_csv_file_gives_the_same_numbers_as_the_named_table(tmp_path):
    path = write_data(tmp_path, "a,b,c,answer\n0,0,1,0\n1,1,1,1\n1,0,1,1\n0,1,1,0\n")
    from_file = run_main("train", "--data", path, "--layers", "3,1", "--iterations", "500")
    named = run_main("train", "--data", "milo", "--layers", "3,1", "--iterations", "500")
    assert from_file[0] == named[0] == 0
    assert from_file[1].split("\n")[1:] == named[1].split("\n")[1:]
    assert from_file[1].startswith("Data: %s, 4 examples of 3 inputs, separated by commas\n"
                                   % path)


def test_the_data_file_is_never_changed(tmp_path):
    path = write_data(tmp_path, "a,b,c,t\r\n0,0,1,0\r\n1,1,1,1\r\n1,0,1,1\r\n0,1,1,0")
    os.utime(path, (1000000000, 1000000000))
    before = (os.stat(path).st_mtime_ns, open(path, "rb").read())
    assert run_main("train", "--data", path, "--iterations", "5", "--table", "--plot",
                    "--every", "2", "--ask", "1,0,0")[0] == 0
    assert run_main("train", "--data", path, "--layers", "9,1")[0] == 2
    assert (os.stat(path).st_mtime_ns, open(path, "rb").read()) == before
    assert os.listdir(str(tmp_path)) == ["data.csv"]


@pytest.mark.parametrize("content", [b"0,0,\xff\n", b"0,0,1\n\x00\x00\n", bytes(range(256))])
def test_a_binary_file_is_refused(tmp_path, content):
    path = write_data(tmp_path, content)
    assert_one_line_error(*run_main("train", "--data", path))


def test_a_file_over_the_byte_limit_is_refused(tmp_path, monkeypatch):
    path = write_data(tmp_path, "0,0,1,0\n" * 100)
    monkeypatch.setattr(pureneuron, "MAX_DATA_BYTES", 500)
    assert_one_line_error(*run_main("train", "--data", path))
    monkeypatch.setattr(pureneuron, "MAX_DATA_BYTES", 800)
    assert run_main("train", "--data", path, "--iterations", "1")[0] == 0


def test_too_many_examples_are_refused(tmp_path, monkeypatch):
    path = write_data(tmp_path, "0,0,1,0\n" * 30)
    monkeypatch.setattr(pureneuron, "MAX_EXAMPLES", 20)
    assert_one_line_error(*run_main("train", "--data", path))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
@pytest.mark.parametrize("kind", ["fifo", "directory", "/dev/zero", "/dev/urandom"])
def test_a_fifo_directory_or_device_is_refused_within_seconds(tmp_path, kind):
    if kind == "fifo":
        path = str(tmp_path / "data.csv")
        os.mkfifo(path)
    elif kind == "directory":
        path = str(tmp_path)
    else:
        path = kind
        if not os.path.exists(path):
            pytest.skip("no " + path)
    started = time.monotonic()
    try:
        status, out, err = run_process(script("train", "--data", path), timeout=20)
    except subprocess.TimeoutExpired:
        pytest.fail("train --data %s still running after 20 s" % kind)
    assert_one_line_error(status, out, err)
    assert time.monotonic() - started < 20


# --- library edges ------------------------------------------------------------

@pytest.mark.parametrize("call", [lambda: pureneuron.load_data(1),
                                  lambda: pureneuron.read_examples(1),
                                  lambda: pureneuron.read_examples(2),
                                  lambda: pureneuron.load_data(None)])
def test_data_functions_refuse_a_number_for_a_path_and_close_nothing(call):
    with pytest.raises(TypeError):
        call()
    os.fstat(1)  # still open
    os.fstat(2)


@pytest.mark.parametrize("lines", [[1, 2], [b"0,1"], [None], ["0,1", 1]])
def test_parse_examples_refuses_lines_that_are_not_text(lines):
    with pytest.raises(TypeError):
        pureneuron.parse_examples(lines)


def test_main_returns_its_status_for_help_too():
    status, out, err = run_main("--help")
    assert (status, err) == (0, "")
    assert "usage: pureneuron.py" in out and str(pureneuron.MAX_ITERATIONS) in out
    status, out, err = run_main("train", "--help")
    assert (status, err) == (0, "") and "--layers" in out


# --- answers, the answer table and the pictures -----------------------------------

@needs_numpy
def test_ask_gives_the_answer_for_new_situations(np):
    # train's network on Milo's table with one layer is his 9-line neuron
    status, out, err = run_main("train", "--layers", "3,1", "--data", "milo", "--ask", "1,0,0",
                                "--ask", "0, 1, 1", "--iterations", "50")
    assert (status, err) == (0, "")
    _, numpy_result = printed_and_returned(REFERENCE.PROGRAMS["nine-lines"], np, 50, 1)
    weights = numpy_result["synaptic_weights"]
    answers = [REFERENCE.sigmoid(np, np.dot(np.array(situation), weights))
               for situation in ([1, 0, 0], [0, 1, 1])]
    asked = [line for line in out.splitlines() if line.startswith("New situation")]
    assert asked == ["New situation %s -> %s" % (situation, REFERENCE.np_str(np, answer)[1:-1]
                                                 .strip())
                     for situation, answer in zip(["1,0,0", "0,1,1"], answers)]
    assert REFERENCE.np_str(np, weights) + "\n" in out


def test_the_answer_table_marks_the_rows_trained_on():
    status, out, err = run_main("train", "--layers", "3,1", "--data", "milo", "--table",
                                "--iterations", "300")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("inputs  answer"))
    rows = lines[start + 1:start + 9]
    assert [row[:5] for row in rows] == ["0 0 0", "0 0 1", "0 1 0", "0 1 1",
                                         "1 0 0", "1 0 1", "1 1 0", "1 1 1"]
    marked = {row[:5]: row.split("yes, target ")[1] for row in rows if "yes" in row}
    assert marked == {"0 0 1": "0", "1 1 1": "1", "1 0 1": "1", "0 1 1": "0"}
    assert rows[0].split()[3] == "0.50000000"  # all zeros, and no bias
    assert [float(row.split()[3]) > 0.5 for row in rows] == [False] * 4 + [True] * 4
    assert "sigmoid(0) = 0.5" in lines[start + 9]


def test_every_counts_from_iteration_zero():
    status, out, err = run_main("train", "--iterations", "25", "--every", "10")
    assert (status, err) == (0, "")
    assert [line.split(":")[0] for line in out.splitlines() if line.startswith("Error")] == [
        "Error after 0 iterations", "Error after 10 iterations", "Error after 20 iterations",
        "Error after 25 iterations"]  # and the error at the end, always
    # the error after 25 updates is the one a 26th iteration notes before its update
    X, y = pureneuron.DATASETS["trask"][:2]
    noted = pureneuron.train_network(X, y, [3, 4, 1], iterations=26, every=25)["errors"][-1]
    assert [line for line in run_main("train", "--iterations", "25")[1].splitlines()
            if line.startswith("Error")] == [
        "Error after 25 iterations:" + pureneuron.python2_str(noted[1])]


@pytest.mark.parametrize("name", sorted(pureneuron.DATASETS))
def test_every_named_table_trains(name):
    status, out, err = run_main("train", "--data", name, "--iterations", "3")
    assert (status, err) == (0, "") and out.startswith("Data: %s, " % name)


def test_the_named_gates_are_their_truth_tables():
    gates = {"and": lambda a, b: a & b, "or": lambda a, b: a | b, "xor": lambda a, b: a ^ b,
             "nand": lambda a, b: 1 - (a & b)}
    for name, gate in gates.items():
        X, y = pureneuron.DATASETS[name][:2]
        assert X == [[0, 0], [0, 1], [1, 0], [1, 1]] and y == [[gate(a, b)] for a, b in X]
    assert pureneuron.DATASETS["milo"][:2] == (MILO_X, MILO_Y)
    assert pureneuron.DATASETS["trask"][:2] == (TRASK_X, TRASK_3LAYER_Y)
    assert pureneuron.DATASETS["trask-2layer"][:2] == (TRASK_X, TRASK_2LAYER_Y)
    assert pureneuron.DATASETS["multi-layer"][:2] == (MULTI_X, MULTI_Y)


@pytest.mark.parametrize("iterations", [1199, 10000])
def test_plot_keeps_at_most_600_points(monkeypatch, iterations):
    drawn = []
    real_plot = pureneuron.error_plot
    monkeypatch.setattr(pureneuron, "error_plot", lambda curves: drawn.append(len(curves[0][1]))
                        or real_plot(curves))
    settings = {}
    real_train = pureneuron.train_network

    @functools.wraps(real_train)  # the command line reads the defaults from its signature
    def train_briefly(**given):  # note the settings, train none of the iterations
        settings.update(given)
        return real_train(**dict(given, iterations=0))
    monkeypatch.setattr(pureneuron, "train_network", train_briefly)
    status, out, err = run_main("train", "--plot", "--iterations", str(iterations))
    assert (status, err) == (0, "")
    assert len(range(0, iterations, settings["every"])) <= 600
    assert drawn == [0]


def test_plot_draws_the_error_falling_within_80_columns():
    status, out, err = run_main("train", "--layers", "3,1", "--data", "milo", "--iterations",
                                "3000", "--plot")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    plot = lines[next(i for i, line in enumerate(lines) if line.startswith("Mean absolute")):]
    assert all(len(line) <= 80 for line in plot)
    assert plot[0].startswith("Mean absolute error by iteration (log scale")
    body = plot[1:-3]
    heights = [max(r for r, line in enumerate(reversed(body)) if len(line) > 11 + c
                   and line[11 + c] == "*") for c in range(60)]
    assert heights[0] == len(body) - 1 and heights[-1] == 0
    assert heights == sorted(heights, reverse=True)


def test_plot_survives_an_error_that_is_not_a_number():
    assert pureneuron.error_plot([("error", [(0, math.nan)])]) == [
        "The error is not a number (nan): the weights overflowed. Try a smaller --alpha."]
    assert pureneuron.error_plot([])[0].startswith("No errors")


def test_the_sigmoid_picture_is_an_s_within_80_columns():
    status, out, err = run_main("sigmoid")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines == pureneuron.sigmoid_picture()
    assert all(len(line) <= 80 and line.isascii() for line in lines)
    grid = [line for line in lines if re.match(r"^[ .0-9]{4} \|", line)]
    assert len(grid) == 21
    heights = []
    for c in range(61):
        marks = [20 - r for r, line in enumerate(grid) if len(line) > 6 + c
                 and line[6 + c] in "*=O"]
        assert len(marks) == 1
        heights.append(marks[0])
    assert heights == sorted(heights) and heights[0] == 0 and heights[-1] == 20
    assert "".join(grid).count("O") == 1


# --- the command line ---------------------------------------------------------

def test_list_names_each_program_on_its_own_line():
    status, out, err = run_main("--list")
    assert (status, err) == (0, "")
    assert [line.split()[0] for line in out.splitlines()] == [p.name for p in pureneuron.PROGRAMS]
    assert [p.name for p in pureneuron.PROGRAMS] == list(PROGRAMS)


def no_argument_output(*options):
    """What `pureneuron.py [options]` prints: each default program under its heading."""
    return "\n".join("== %s: %s\n%s" % (p.name, p.summary,
                                        run_main(p.name, *options, cache=not options)[1])
                     for p in pureneuron.PROGRAMS if p.in_default_run)


def test_no_arguments_runs_every_default_program_under_its_heading():
    assert run_main("--iterations", "2") == (0, no_argument_output("--iterations", "2"), "")
    defaults = [p.name for p in pureneuron.PROGRAMS if p.in_default_run]
    assert "multi-layer" in defaults and "gradient-descent" not in defaults


@pytest.mark.parametrize("before, after", [(["--trace"], ["--seed", "2"]),
                                           (["--seed", "2", "--trace"], []),
                                           (["--seed", "2"], ["--trace"])])
def test_options_before_the_program_name_count_too(before, after):
    expected = run_main("two-layer", "--iterations", "2", "--seed", "2", "--trace")
    assert "--- iteration 1 ---" in expected[1]
    assert run_main(*(before + ["two-layer", "--iterations", "2"] + after)) == expected


@pytest.mark.parametrize("text, printed", [("1", "1"), ("0.5", "0.5"), ("1e3", "1000.0"),
                                           ("1.0", "1.0"), ("0.001", "0.001")])
def test_alpha_prints_as_python_prints_what_was_given(text, printed):
    assert run_main("gradient-descent", "--alpha", text, "--iterations", "0") == (
        0, "\nTraining With Alpha:%s\n" % printed, "")


@pytest.mark.parametrize("hidden, first_error", [(4, "0.496410031903"), (32, "0.496439922501")])
def test_gradient_descent_sweeps_the_posts_alphas_in_its_layout(hidden, first_error):
    expected = "".join("\nTraining With Alpha:%s\nError after 0 iterations:%s\n"
                       % (alpha, first_error)
                       for alpha in ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
    assert run_main("gradient-descent", "--hidden", str(hidden), "--iterations", "1") == (
        0, expected, "")


def test_gradient_descent_at_alpha_1000_sits_at_one_half():
    assert run_main("gradient-descent", "--alpha", "1000", "--iterations", "10001") == (
        0, "\nTraining With Alpha:1000\nError after 0 iterations:0.496410031903\n"
           "Error after 10000 iterations:0.5\n", "")


def test_bench_prints_a_line_for_every_program():
    status, out, err = run_main("bench", "--iterations", "2", "--runs", "1")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert sys.implementation.name in lines[0]
    assert len(lines) == 1 + len(pureneuron.PROGRAMS)
    for program, line in zip(pureneuron.PROGRAMS, lines[1:]):
        assert re.match(r"%s +\d+\.\d us an iteration" % re.escape(program.name), line), line


def test_bench_runs_on_an_ascii_terminal():
    status, out, err = run_process(script("bench", "--iterations", "1", "--runs", "1"),
                                   env=dict(os.environ, PYTHONIOENCODING="ascii"))
    assert (status, err) == (0, "") and len(out.splitlines()) == 1 + len(pureneuron.PROGRAMS)


# --- a learner's own bug is a traceback, not an input error ------------------------

def test_a_bug_in_a_program_propagates_out_of_main(monkeypatch):
    def slipped(iterations=1, seed=1):
        raise ValueError("cannot dot a 4x5 matrix with a 4x1 matrix")
    monkeypatch.setattr(pureneuron, "three_layer", slipped)  # looked up by name when run
    with pytest.raises(ValueError, match="4x5"):
        pureneuron.main(["three-layer"])


def test_a_bug_in_an_edited_copy_shows_a_traceback_with_its_line(tmp_path):
    lines = source_text().splitlines(True)
    guard = [node for node in ast.parse("".join(lines)).body if isinstance(node, ast.If)
             and "__name__" in names_read(node.test)]
    assert guard, "no `if __name__ == \"__main__\"` in the file"
    slip = "def dot(a, b):\n    raise ValueError('a slip in dot')\n\n\n"
    at = guard[-1].lineno - 1  # the slip goes just above it, after every definition
    edited = tmp_path / "pureneuron.py"
    edited.write_text("".join(lines[:at]) + slip + "".join(lines[at:]), encoding="utf-8")
    status, out, err = run_process([sys.executable, str(edited), "three-layer",
                                    "--iterations", "1"])
    assert status == 1 and out == ""
    assert err.startswith("Traceback (most recent call last):")
    assert 'File "%s", line ' % edited in err and "in three_layer" in err
    assert err.endswith("ValueError: a slip in dot\n")
    assert "pureneuron.py: error:" not in err


# --- output that cannot be written, and interruptions -----------------------------

@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("argv", [["--list"], ["train", "--every", "1", "--iterations", "3000"]])
def test_a_full_disk_is_one_line_and_a_nonzero_status(argv):
    with open("/dev/full", "w") as full:
        status, out, err = run_process(script(*argv), stdout=full)
    assert status != 0
    assert err.startswith("pureneuron.py: error: ") and err.count("\n") == 1, err


@pytest.mark.skipif(os.name != "posix", reason="POSIX shell")
def test_a_closed_stdout_is_one_line_and_a_nonzero_status():
    status, out, err = run_process(["sh", "-c", 'exec "$0" "$1" --list >&-', sys.executable,
                                    PUREPATH])
    assert status != 0
    assert err.startswith("pureneuron.py: error: ") and err.count("\n") == 1, err


@pytest.mark.skipif(os.name != "posix" or not shutil.which("head"), reason="POSIX shell")
def test_output_cut_short_by_head_ends_quietly():
    # plenty of output, so that head is gone while pureneuron is still writing
    status, out, err = run_process(
        ["bash", "-c", 'set -o pipefail; "$0" "$1" train --data milo --layers 3,1 '
         '--iterations 200000 --every 1 | head -1', sys.executable, PUREPATH])
    assert (status, err) == (0, "")
    assert out.startswith("Data: milo") and out.count("\n") == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_stops_with_one_line_and_status_130():
    # a shell's background job ignores Ctrl-C and its children inherit that: give the
    # child the usual handling back, as a terminal would
    child = start_process(script("three-layer", "--iterations", "1000000"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, env=dict(os.environ, PYTHONUNBUFFERED="1"),
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert child.stdout.readline() == "Error:0.496410031903\n"  # it is training
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()  # never leave it training
        child.wait()
    assert child.returncode == 130
    assert err.startswith("pureneuron.py: ") and err.count("\n") == 1, err


# ============================================================================
# Notebooks: the file pasted into a cell, and imported
# ============================================================================

def test_the_file_pasted_into_a_notebook_cell_defines_everything_and_runs_nothing(
        monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["/x/ipykernel_launcher.py", "-f", "/x/kernel-1.json"])
    namespace = {"__name__": "__main__"}
    exec(compile(source_text(), "<cell>", "exec"), namespace)
    assert capsys.readouterr() == ("", "")
    public = {name for name in vars(pureneuron) if not name.startswith(("_", "@"))}
    assert public <= set(namespace)
    result = namespace["three_layer"](iterations=3)
    assert capsys.readouterr() == ("Error:0.496410031903\n", "")
    assert len(result["errors"]) == 1


def test_import_prints_nothing_and_draws_no_random_numbers(capsys):
    before = random.getstate()
    spec = importlib.util.spec_from_file_location("pureneuron_fresh_import", PUREPATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert capsys.readouterr() == ("", "")
    assert random.getstate() == before
    assert [p.name for p in module.PROGRAMS] == [p.name for p in pureneuron.PROGRAMS]


def test_running_a_program_leaves_pythons_own_random_numbers_alone():
    before = random.getstate()
    first = printed_and_returned(pureneuron.three_layer, iterations=5, seed=7)
    assert random.getstate() == before
    assert printed_and_returned(pureneuron.three_layer, iterations=5, seed=7) == first


# ============================================================================
# The README: its commands, its citations and its sessions
# ============================================================================

def readme_text():
    with open(README, encoding="utf-8") as file:
        return file.read()


def fences(text):
    """The README's ``` blocks, each a list of its lines."""
    blocks, current = [], None
    for line in text.split("\n"):
        if line.startswith("```"):
            if current is None:
                current = []
            else:
                blocks.append(current)
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def rstripped(text):
    """Lines without trailing spaces, blank lines at either end left out."""
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def test_the_readme_starts_with_the_two_commands():
    assert fences(readme_text())[0] == [
        "python3 pureneuron.py",
        "python3 -m venv .venv && .venv/bin/python -m pip install pytest && "
        ".venv/bin/python -m pytest"]


@full_length
def test_the_readme_shows_what_the_no_argument_run_prints():
    # the no-argument run is each default program's run under its heading (tested above
    # at 2 iterations); the full-length runs are shared with the post tests
    section = readme_text().split("\n## What it prints\n", 1)
    assert len(section) == 2, "no '## What it prints' section"
    shown = "\n".join(fences(section[1])[0])
    assert rstripped(shown) == rstripped(no_argument_output())


CITATION = re.compile(r"`([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)`: `([^`\n]+)`")


def cited_source(name):
    """The source of pureneuron's NAME (a dotted name for a method), or its assignment's line."""
    obj = pureneuron
    for part in name.split("."):
        obj = getattr(obj, part)  # AttributeError: the README names nothing real
    try:
        return inspect.getsource(obj)
    except TypeError:  # a constant: the statement that assigns it
        source = source_text()
        for node in ast.parse(source).body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name
                                                    for t in node.targets):
                return ast.get_source_segment(source, node)
        raise


def test_every_code_citation_in_the_readme_is_in_the_code_it_names():
    citations = CITATION.findall(readme_text())
    assert len(citations) >= 20, "only %d citations written as `NAME`: `CODE`" % len(citations)
    wrong = []
    for name, code in citations:
        try:
            found = code in cited_source(name)
        except (AttributeError, TypeError, OSError):
            found = False
        if not found:
            wrong.append("`%s`: `%s`" % (name, code))
    assert not wrong, "not in the code they name: " + "; ".join(wrong)


def readme_sessions():
    """Each `$ command` in the README's fences with what is shown under it; files shown by cat."""
    sessions, files = [], {}
    for block in fences(readme_text()):
        i = 0
        while i < len(block):
            if not block[i].startswith("$ "):
                i += 1
                continue
            command, shown = block[i][2:], []
            i += 1
            while i < len(block) and not block[i].startswith("$ "):
                shown.append(block[i])
                i += 1
            if command.startswith("cat "):
                files[command[4:].strip()] = "\n".join(shown).strip("\n") + "\n"
            elif command.startswith("python3 pureneuron.py"):
                sessions.append((command, "\n".join(shown)))
    # lines the README asks a class to save as a file
    for name, lines in re.findall(r"save these lines\s[^`]*`([^`]+)`[^\n]*\n(?:[^\n]+\n)*\n"
                                  r"```\n(.*?)```", readme_text(), re.S):
        files[name] = lines
    return sessions, files


def run_readme_command(command, files):
    """A README command, in this process: its output, stdout then stderr; `| head/tail -N` kept."""
    words = shlex.split(command)[2:]
    cut = None
    if "|" in words:
        at = words.index("|")
        cut, words = words[at + 1:], words[:at]
        assert len(cut) == 2 and cut[0] in ("head", "tail") and re.match(r"-n?\d+$", cut[1]), \
            "the README's `%s` pipes into something this test cannot do" % command
    assert not set(words) & {">", "<", "&&", ";", "||", ">>", "2>&1"}, command
    reads_a_file = any(word in files for word in words)
    status, out, err = run_main(*words, cache=not reads_a_file)
    lines = (out + err).split("\n")
    if cut:
        n = int(cut[1].lstrip("-n"))
        lines = lines[:n] if cut[0] == "head" else [line for line in lines if line][-n:]
    return "\n".join(lines)


@full_length
def test_every_readme_session_prints_what_the_readme_shows(monkeypatch, tmp_path):
    sessions, files = readme_sessions()
    assert len(sessions) >= 5, "the README shows only %d runs" % len(sessions)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    wrong = []
    for command, shown in sessions:
        printed = run_readme_command(command, files)
        if rstripped(printed) != rstripped(shown):
            wrong.append("$ %s\n--- the README shows:\n%s\n--- it prints:\n%s"
                         % (command, rstripped(shown), rstripped(printed)))
    assert not wrong, "\n\n".join(wrong)


# ============================================================================
# The tests themselves: how they start processes, and the numpy reference
# ============================================================================

# Calls that start a process, as module.function.
PROCESS_STARTERS = {("subprocess", name) for name in
                    ["run", "Popen", "call", "check_call", "check_output", "getoutput",
                     "getstatusoutput"]}
PROCESS_STARTERS |= {("os", name) for name in
                     ["system", "popen", "fork", "forkpty", "posix_spawn", "posix_spawnp",
                      "execl", "execle", "execlp", "execv", "execve", "execvp", "spawnl",
                      "spawnv", "spawnvp"]}
PROCESS_HELPERS = {"run_process", "start_process"}


def test_every_process_is_started_through_the_helpers_that_skip_without_processes():
    with open(os.path.abspath(__file__).replace(".pyc", ".py"), encoding="utf-8") as file:
        tree = ast.parse(file.read())

    def starters(node):
        return {found for found in ast.walk(node) if isinstance(found, ast.Attribute)
                and isinstance(found.value, ast.Name)
                and (found.value.id, found.attr) in PROCESS_STARTERS}
    in_helpers = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name in PROCESS_HELPERS:
            in_helpers |= starters(node)
    assert len(in_helpers) == 2, "the checker no longer finds the helpers' own calls"
    elsewhere = sorted("line %d: %s.%s" % (node.lineno, node.value.id, node.attr)
                       for node in starters(tree) - in_helpers)
    assert not elsewhere, "start processes through run_process or start_process: " + \
        ", ".join(elsewhere)


@needs_numpy
@full_length
@pytest.mark.parametrize("command", list(POST_OUTPUTS))
def test_the_numpy_reference_prints_the_posts_at_their_settings(np, command):
    name, *options = command.split()
    settings = dict(alphas=(10,), directions=True) if options else {}
    assert options in ([], ["--directions", "--alpha", "10"]), "a new post output: set it here"
    default_iterations = inspect.signature(REFERENCE.PROGRAMS[name]).parameters["iterations"]
    printed, _ = printed_and_returned(REFERENCE.PROGRAMS[name], np, default_iterations.default,
                                      1, **settings)
    assert printed == POST_OUTPUTS[command].text


# ============================================================================
# The command line: one path from argv to the loop
# ============================================================================

def test_each_option_is_converted_once_and_the_rest_come_from_the_signature():
    handler, options = pureneuron.read_command_line(["three-layer", "--seed", "2"])
    assert options == {"seed": 2}
    assert pureneuron.settings_for(pureneuron.three_layer, options) == {
        "iterations": 60000, "seed": 2}
    handler, options = pureneuron.read_command_line(
        ["gradient-descent", "--alpha", "10", "--alpha", "0.5", "--hidden", "32"])
    assert options == {"alphas": [10, 0.5], "hidden_size": 32}


@pytest.mark.parametrize("argv, mentions", [
    (["--seed", "2", "sigmoid"], ["sigmoid", "--seed"]),
    (["--trace", "bench"], ["bench", "--trace"]),
    (["--iterations", "5", "sigmoid"], ["sigmoid", "--iterations"]),
    (["--list", "three-layer"], ["--list"]),
    (["--list", "--seed", "2"], ["--list"]),
    (["--iterations", "0", "bench"], ["bench", "--iterations 0"]),  # bench's own start at 1
])
def test_an_option_given_where_it_does_nothing_is_refused(argv, mentions):
    assert_one_line_error(*run_main(*argv), *mentions)


def test_gradient_descent_takes_the_posts_32_hidden_neurons_at_its_settings(monkeypatch):
    ran = []

    def recording(**settings):  # the real signature, so its own defaults apply
        ran.append(settings)
    recording.__signature__ = inspect.signature(pureneuron.gradient_descent)
    monkeypatch.setattr(pureneuron, "gradient_descent", recording)
    assert run_main("gradient-descent", "--hidden", "32") == (0, "", "")
    assert ran == [{"iterations": 60000, "seed": 1, "hidden_size": 32, "directions": False,
                    "alphas": (0.001, 0.01, 0.1, 1, 10, 100, 1000)}]


def test_main_runs_the_program_defined_now_not_the_one_there_at_import(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["/x/ipykernel_launcher.py", "-f", "/x/kernel-1.json"])
    namespace = {"__name__": "__main__"}
    exec(compile(source_text(), "<cell>", "exec"), namespace)
    exec("def two_layer(iterations=10000, seed=1):\n    print('my own', iterations, seed)\n",
         namespace)
    assert namespace["main"](["two-layer", "--seed", "3"]) == 0
    assert capsys.readouterr() == ("my own 10000 3\n", "")


def test_main_with_no_arguments_outside_a_script_ignores_the_kernels_argv(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/x/ipykernel_launcher.py", "-f", "/x/kernel-1.json"])
    ran = []
    monkeypatch.setattr(pureneuron, "run_programs", lambda programs, options: ran.append(
        ([program.name for program in programs], options)))
    with contextlib.redirect_stdout(io.StringIO()):
        assert pureneuron.main() == 0
    assert ran == [([p.name for p in pureneuron.PROGRAMS if p.in_default_run], {})]


OUTPUT_ERRORS = [  # (shell redirection, arguments, status)
    (">/dev/full", ["--list"], 1),
    (">/dev/full", ["three-layer", "--iterations", "10"], 1),
    (">/dev/full", ["--help"], 1),
    (">/dev/full", ["train", "--help"], 1),
    ("1</dev/null", ["nine-lines", "--iterations", "5"], 1),
    ("2>/dev/full", ["--seed", "x"], 2),
]


@pytest.mark.skipif(not os.path.exists("/dev/full") or os.name != "posix",
                    reason="needs /dev/full and a POSIX shell")
@pytest.mark.parametrize("buffering", ["default", "unbuffered"])
@pytest.mark.parametrize("redirection, argv, status", OUTPUT_ERRORS)
def test_output_that_cannot_be_written_is_one_line_with_either_buffering(
        redirection, argv, status, buffering):
    environment = dict(os.environ)
    environment.pop("PYTHONUNBUFFERED", None)  # as a user's shell has it
    if buffering == "unbuffered":
        environment["PYTHONUNBUFFERED"] = "1"
    command = '"$0" "$@" %s' % redirection
    got, out, err = run_process(["sh", "-c", command, sys.executable, PUREPATH] + argv,
                                env=environment)
    assert got == status, err
    if redirection.startswith("2"):
        assert err == ""  # stderr itself was the full disk: nothing more to say
    else:
        assert err.startswith("pureneuron.py: error: cannot write the output") \
            and err.count("\n") == 1, err


@pytest.mark.skipif(os.name != "posix", reason="POSIX shell")
def test_python_dash_i_ends_at_the_prompt_without_a_traceback():
    status, out, err = run_process(script("--list")[:1] + ["-i"] + script("--list")[1:],
                                   input='print("at the prompt")\n')
    assert status == 0
    assert "at the prompt" in out and "three-layer" in out
    assert "Traceback" not in err and "SystemExit" not in err


# ============================================================================
# The posts exactly, the helpers' edges, and a trace that tells the truth
# ============================================================================

def test_the_direction_program_steps_with_y_minus_layer_2_and_lands_where_the_others_do():
    source = dedented_source(pureneuron.gradient_descent)
    assert "layer_2_error = subtract(y, layer_2)" in source
    assert "synapse_1 = add(synapse_1, multiply(alpha, synapse_1_weight_update))" in source
    assert "synapse_1 = subtract(synapse_1, multiply(alpha, synapse_1_weight_update))" in source
    # the two signs negate error, deltas and updates exactly: the same weights, bit for bit
    settings = dict(iterations=300, seed=3, alphas=(0.5, 10), hidden_size=3)
    (_, counted), (_, plain) = [printed_and_returned(pureneuron.gradient_descent,
                                                     directions=directions, **settings)
                                for directions in (True, False)]
    for with_counts, without in zip(counted, plain):
        assert with_counts["synapse_0"] == without["synapse_0"]
        assert with_counts["synapse_1"] == without["synapse_1"]
        assert with_counts["errors"] == without["errors"]
        assert "synapse_0_direction_count" in with_counts
        assert "synapse_0_direction_count" not in without  # nothing counted, nothing returned


TRASK_LINES = [  # (function, the post's line number, the statement that carries it)
    ("two_layer", 10, "X = [[0, 0, 1],"), ("two_layer", 16, "y = transpose("),
    ("two_layer", 20, "rng = numpy_random(seed)"), ("two_layer", 23, "syn0 = subtract("),
    ("two_layer", 25, "for iter in range(iterations):"), ("two_layer", 28, "l0 = X"),
    ("two_layer", 29, "l1 = sigmoid(dot(l0, syn0))"), ("two_layer", 32, "l1_error = subtract"),
    ("two_layer", 36, "l1_delta = multiply(l1_error"), ("two_layer", 39, "syn0 = add(syn0"),
    ("three_layer", 43, "l1_error = dot(l2_delta, transpose(syn1))"),
]


@pytest.mark.parametrize("function, number, statement", TRASK_LINES)
def test_trasks_walkthrough_lines_are_tagged_on_their_statements(function, number, statement):
    lines = [line.strip() for line in dedented_source(getattr(pureneuron, function)).split("\n")]
    tagged = [line for line in lines if re.search(r"#.*\bLine %02d\b" % number, line)]
    assert len(tagged) == 1 and tagged[0].startswith(statement), tagged


def test_the_glossary_names_every_helper_and_every_name_of_ours_in_the_programs():
    glossary = pureneuron.__doc__.split("Glossary")[1]
    for name in ["transpose", "dot", "add", "subtract", "multiply", "sigmoid", "sigmoid_slope",
                 "X_T", "training_set_inputs_T", "rng", "mean_error", "errors",
                 "starting_weights", "hidden_size", "results", "hiddenSize", "layer_errors",
                 "deltas", "check_settings", "MultiLayerNeuralNetwork", "turned"]:
        assert re.search(r"\b%s\b" % name, glossary), name


NOT_MATRICES = [  # (call, the exception, words its message must hold)
    (lambda: pureneuron.multiply([[1, 2]], (3,)), TypeError, "tuple: (3,)"),
    (lambda: pureneuron.multiply("ab", [[2]]), TypeError, "str: 'ab'"),
    (lambda: pureneuron.add(((1, 2),), [[1, 2]]), TypeError, "tuple"),
    (lambda: pureneuron.subtract([[1]], [(1,)]), TypeError, "list"),
    (lambda: pureneuron.dot((([1],)), [[1]]), TypeError, "tuple"),
    (lambda: pureneuron.dot([[1]], "a"), TypeError, "str"),
    (lambda: pureneuron.transpose("ab"), TypeError, "str: 'ab'"),
    (lambda: pureneuron.sigmoid(0.5), TypeError, "float: 0.5"),
    (lambda: pureneuron.sigmoid_slope(None), TypeError, "NoneType"),
    (lambda: pureneuron.absolute({1: 2}), TypeError, "dict"),
    (lambda: pureneuron.transpose([1, 0, 0]), TypeError, "[[1, 0, 0]]"),
    (lambda: pureneuron.transpose([]), ValueError, "0x0"),
    (lambda: pureneuron.mean([[]]), ValueError, "1x0"),
    (lambda: pureneuron.dot([[1]], []), ValueError, "0x0"),
    (lambda: pureneuron.dot([], [[1]]), ValueError, "0x0"),
    (lambda: pureneuron.add([[], []], [[], []]), ValueError, "2x0"),
    (lambda: pureneuron.multiply(2, []), ValueError, "0x0"),
    (lambda: pureneuron.sigmoid([[]]), ValueError, "1x0"),
]


@pytest.mark.parametrize("call, error, words", NOT_MATRICES)
def test_helpers_refuse_what_is_not_a_number_or_a_matrix_naming_it(call, error, words):
    with pytest.raises(error) as raised:
        call()
    assert type(raised.value) is error and words in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_numpy_array_is_refused_by_the_helpers_by_name():
    np = pytest.importorskip("numpy")
    with pytest.raises(TypeError, match="numpy.ndarray"):
        pureneuron.add(np.array([[1.0, 2.0]]), [[1.0, 2.0]])


BAD_SETTINGS = [  # (settings for train_network, the exception, words of its message)
    (dict(iterations=-1), ValueError, "iterations must be at least 0, got -1"),
    (dict(iterations=1.5), TypeError, "iterations must be a whole number"),
    (dict(iterations=True), TypeError, "iterations"),
    (dict(alpha=float("nan")), ValueError, "alpha"),
    (dict(alpha=float("inf")), ValueError, "alpha"),
    (dict(alpha=0), ValueError, "alpha"),
    (dict(alpha=-1), ValueError, "alpha"),
    (dict(alpha="1"), TypeError, "alpha"),
    (dict(every=-1), ValueError, "every must be at least 0"),
    (dict(seed=-1), ValueError, "seed"),
    (dict(seed=1.5), TypeError, "seed"),
    (dict(layers=[3, 0, 1]), ValueError, "each of layers must be at least 1, got 0"),
    (dict(layers=[3, 4.5, 1]), TypeError, "each of layers"),
    (dict(layers=[3]), ValueError, "layers must list the inputs"),
    (dict(layers=3), TypeError, "layers must be a list"),
    (dict(layers=[2, 4, 1]), ValueError, "X has 3"),
    (dict(layers=[3, 4, 2]), ValueError, "y has 1"),
    (dict(y=[[0], [1], [1]]), ValueError, "X has 4 examples (rows) but y has 3"),
    (dict(X=[]), ValueError, "0x0"),
    (dict(X=[[0, 0, 1], [0, 1]]), ValueError, "ragged"),
]


@pytest.mark.parametrize("settings, error, words", BAD_SETTINGS)
def test_train_network_refuses_bad_settings_at_the_top(settings, error, words):
    arguments = dict(X=TRASK_X, y=TRASK_3LAYER_Y, layers=[3, 4, 1], iterations=5)
    arguments.update(settings)
    with pytest.raises(error) as raised:
        pureneuron.train_network(**arguments)
    assert type(raised.value) is error and words in str(raised.value)


@pytest.mark.parametrize("name, settings, error", [
    ("three-layer", dict(iterations=-1), ValueError),
    ("nine-lines", dict(iterations=2.0), TypeError),
    ("neuron", dict(seed="1"), TypeError),
    ("gradient-descent", dict(alphas=(0.1, float("nan"))), ValueError),
    ("gradient-descent", dict(hidden_size=0), ValueError),
    ("multi-layer", dict(seed=2 ** 32), ValueError),
])
def test_the_programs_refuse_bad_settings_before_printing_anything(name, settings, error):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(error):
        PROGRAMS[name][0](**settings)
    assert out.getvalue() == ""


def train_finite(iterations, **settings):
    """Whether train_network's weights are all numbers after that many iterations."""
    weights = pureneuron.train_network(iterations=iterations, **settings)["weights"]
    return all(math.isfinite(x) for m in weights for row in m for x in row)


def test_train_network_says_when_its_weights_stopped_being_numbers():
    assert pureneuron.train_network(TRASK_X, TRASK_3LAYER_Y, [3, 4, 1],
                                    iterations=50)["non_finite_at"] is None
    # inputs near 1e186 and an alpha of 1e236: the weights overflow to inf, then nan
    settings = dict(X=[[-1, -1, 1], [1e186, -1e186, 1], [1e186, -1e186, 1], [-1e186, 0, 1]],
                    y=[[0], [0], [1], [1]], layers=[3, 4, 1], alpha=1e236)
    at = pureneuron.train_network(iterations=20, **settings)["non_finite_at"]
    assert isinstance(at, int) and 0 <= at < 20
    assert train_finite(at, **settings) and not train_finite(at + 1, **settings)


def test_all_finite_sees_an_inf_or_a_nan_but_not_a_large_sum():
    assert pureneuron.all_finite([[[1e308, 1e308]], [[1e308]]])  # sums past the floats
    assert not pureneuron.all_finite([[[1.0]], [[2.0, -math.inf]]])
    assert not pureneuron.all_finite([[[math.nan]]])


def test_noted_errors_stay_under_a_thousand_evenly_spread_while_on_error_sees_them_all():
    seen = []
    result = pureneuron.train_network(MILO_X, MILO_Y, [3, 1], iterations=4500, every=2,
                                      on_error=lambda i, e: seen.append((i, e)))
    assert [i for i, _ in seen] == list(range(0, 4500, 2))
    kept = result["errors"]
    assert 500 <= len(kept) < 1000
    assert set(kept) <= set(seen) and kept[0] == seen[0]
    steps = {b[0] - a[0] for a, b in zip(kept, kept[1:])}
    assert steps == {8}  # 2, doubled twice: 2,250 noted, halved at 1,000 and again


def test_train_traces_every_layers_error_and_delta_as_three_layer_computes_them():
    _, train_out, _ = run_main("train", "--layers", "3,4,1", "--iterations", "1", "--trace")
    _, three_out, _ = run_main("three-layer", "--iterations", "1", "--trace")

    def matrices(out):
        found, label = {}, None
        for line in out.splitlines():
            if LABEL.match(line):
                label = LABEL.match(line).group(1)
                found[label] = ""
            elif label and line.startswith((" [", "[")):
                found[label] += line + "\n"
            else:
                label = None
        return found
    train, three = matrices(train_out), matrices(three_out)
    for ours, trasks in [("layer_errors[2]", "l2_error"), ("deltas[2]", "l2_delta"),
                         ("layer_errors[1]", "l1_error"), ("deltas[1]", "l1_delta"),
                         ("outputs[1]", "l1"), ("weights[0]", "syn0"), ("weights[1]", "syn1")]:
        assert train[ours] and train[ours] == three[trasks], ours


def test_gradient_descent_traces_no_direction_counts_it_did_not_count():
    _, out, _ = run_main("gradient-descent", "--alpha", "1", "--iterations", "3", "--trace")
    assert "--- iteration 2 ---" in out
    assert "direction_count" not in out and "prev_synapse" not in out


@pytest.mark.parametrize("function", list(pureneuron.TRACE_NOTES))
def test_each_programs_notes_are_for_exactly_the_names_its_loop_assigns(function):
    owner, _, method = function.partition(".")
    loop = getattr(getattr(pureneuron, owner), method) if method else getattr(pureneuron, owner)
    names = pureneuron.training_loop(loop)[3]
    assert set(pureneuron.TRACE_NOTES[function]) == set(names)


def edited_module(tmp_path, old, new, where):
    """pureneuron with `old` replaced by `new` inside `where`'s source, imported from a file."""
    source = source_text()
    part = inspect.getsource(where)
    assert part.count(old) == 1
    path = tmp_path / "pureneuron_edited_copy.py"
    path.write_text(source.replace(part, part.replace(old, new)), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("pureneuron_edited_copy", str(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("function, old, new, last", [
    ("two_layer", "for iter in range(iterations):", "for iter in range(3):", 2),
    ("three_layer", "for j in range(iterations):", "for j in range(iterations // 2):", 4),
    ("three_layer", "        l0 = X\n", "        l0 = X\n        if j == 6:\n            break\n",
     6),
])
def test_the_trace_shows_the_last_iteration_the_loop_ran(tmp_path, function, old, new, last):
    module = edited_module(tmp_path, old, new, getattr(pureneuron, function))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        with module.tracing(getattr(module, function)):
            getattr(module, function)(iterations=10)
    assert re.findall(r"--- iteration (\d+) ---", out.getvalue()) == ["0", str(last)]


def test_tracing_code_without_source_raises_one_line_saying_so():
    namespace = {"__name__": "pureneuron_exec"}
    exec(compile(source_text(), "<string>", "exec"), namespace)
    with pytest.raises(RuntimeError) as raised:
        with namespace["tracing"](namespace["three_layer"]):
            pass
    assert type(raised.value).__name__ == "SourceUnavailable"
    assert issubclass(pureneuron.SourceUnavailable, RuntimeError)
    message = str(raised.value)
    assert "three_layer" in message and "exec" in message and "\n" not in message


# ============================================================================
# The class's own data: spreadsheet files, word targets, scaling, held-out
# examples, saved networks and "did it learn?"
# ============================================================================

CLASS_ROWS = [("Ana", "1.5", "8", "fail"), ("Ben", "2", "5", "fail"), ("Cleo", "2", "9", "pass"),
              ("Dev", "3", "4.5", "fail"), ("Eva", "3", "7", "pass"), ("Finn", "4", "5", "fail"),
              ("Gus", "6", "8", "pass"), ("Hana", "7", "9", "pass")]
CLASS_X = [[float(studied), float(slept)] for _, studied, slept, _ in CLASS_ROWS]
CLASS_Y = [[1 if passed == "pass" else 0] for *_, passed in CLASS_ROWS]


def class_file(separator=",", line_end="\n", decimal=".", header="name,studied,slept,passed"):
    """The class table as a spreadsheet writes it, as text."""
    lines = [header.replace(",", separator)]
    for row in CLASS_ROWS:
        lines.append(separator.join(cell.replace(".", decimal) for cell in row))
    return line_end.join(lines) + line_end


# (what wrote it, its bytes, what the Data: line says about it)
SPREADSHEET_FILES = [
    ("LibreOffice CSV, UTF-8, LF", class_file().encode("utf-8"), "separated by commas"),
    ("Excel CSV UTF-8: a BOM, CRLF", b"\xef\xbb\xbf" + class_file(line_end="\r\n").encode(),
     "separated by commas"),
    ("Excel Unicode text: UTF-16 LE with BOM, tabs, CRLF",
     b"\xff\xfe" + class_file("\t", "\r\n").encode("utf-16-le"), "separated by tabs, UTF-16"),
    ("PowerShell > : UTF-16 LE with BOM, CRLF",
     b"\xff\xfe" + class_file(",", "\r\n").encode("utf-16-le"), "separated by commas, UTF-16"),
    ("European Excel: semicolons, decimal commas, cp1252, CRLF",
     class_file(";", "\r\n", ",", "name;studied;slept;pässed").encode("cp1252"),
     "separated by semicolons with decimal commas, cp1252"),
    ("Excel for Mac: CR line ends", class_file(line_end="\r").encode("utf-8"),
     "separated by commas"),
    ("quoted text cells", class_file().replace("Ana", '"Ana"').encode("utf-8"),
     "separated by commas"),
    ("an empty row as ;;; and a blank line at the end",
     (class_file(";", "\r\n", ",") + ";;;\r\n\r\n").encode("cp1252"), "decimal commas"),
]


@pytest.mark.parametrize("writer, content, said", SPREADSHEET_FILES,
                         ids=[case[0] for case in SPREADSHEET_FILES])
def test_what_spreadsheets_write_reads_as_the_same_table(tmp_path, writer, content, said):
    path = write_data(tmp_path, content)
    table = pureneuron.read_examples(path, skip=["name"])
    assert (table.X, table.y, table.labels) == (CLASS_X, CLASS_Y, ["fail", "pass"])
    assert said in table.description and "left out: name" in table.description
    status, out, err = run_main("train", "--data", path, "--skip", "1", "--iterations", "1")
    assert (status, err) == (0, "")
    assert out.startswith("Data: %s, 8 examples of 2 inputs, " % path) and said in out
    assert "Targets: fail = 0, pass = 1\n" in out


@pytest.mark.parametrize("words, zero", [(("pass", "fail"), "fail"), (("yes", "no"), "no"),
                                         (("TRUE", "FALSE"), "FALSE"),
                                         (("stay", "go"), "go"),  # no known "no": alphabetical
                                         (("bestanden", "nicht bestanden"), "nicht bestanden")])
def test_a_target_of_two_words_becomes_0_and_1_and_the_mapping_is_printed(tmp_path, words, zero):
    one = words[0] if words[1] == zero else words[1]
    path = write_data(tmp_path, "a,b,t\n0,1,%s\n1,0,%s\n1,1,%s\n" % (one, zero, one))
    table = pureneuron.read_examples(path)
    assert table.labels == [zero, one] and table.y == [[1], [0], [1]]
    out = run_main("train", "--data", path, "--iterations", "1", "--ask", "1,1")[1]
    assert "Targets: %s = 0, %s = 1\n" % (zero, one) in out
    asked = re.search(r"New situation 1,1 -> (\S+) \((.*)\)\n", out)
    assert asked.group(2) == (one if float(asked.group(1)) >= 0.5 else zero)


@pytest.mark.parametrize("text, mentions", [
    ("a,t\n1,pass\n2,pass\n", ["column 2", "two words", "'pass'"]),            # one word
    ("a,t\n1,pass\n2,fail\n3,maybe\n", ["'maybe'"]),                          # three
    ("a,t\n1,pass\n2,0\n", ["column 2", "'pass'", "'0'"]),                    # words and numbers
    ("name,a,t\nAnn,1,0\n", ["line 2, column 1 ('name')", "'Ann'", "--skip name"]),
    ("Ann,1,0\nBob,1,1\n", ["line 1, column 1", "--skip 1"]),                  # no header
    ("first name,a,t\nAnn,1,0\n", ["--skip 1"]),        # a name the shell would split
    ("0 0 1\n1 1 0\n", ["line 1", "1 field", "separated by something other than , ; or tab?"]),
])
def test_bad_columns_are_one_line_with_the_way_out(tmp_path, text, mentions):
    path = write_data(tmp_path, text)
    assert_one_line_error(*run_main("train", "--data", path), *mentions)


def test_skip_takes_a_name_or_a_number_and_refuses_what_is_not_there(tmp_path):
    path = write_data(tmp_path, class_file())
    by_name = run_main("train", "--data", path, "--skip", "Name", "--iterations", "2")
    by_number = run_main("train", "--data", path, "--skip", "1", "--iterations", "2")
    assert by_name == by_number and by_name[0] == 0
    assert_one_line_error(*run_main("train", "--data", path, "--skip", "age"),
                          "--skip 'age'", "name, studied, slept, passed")
    assert_one_line_error(*run_main("train", "--data", path, "--skip", "5"), "--skip '5'")
    assert_one_line_error(*run_main("train", "--data", "xor", "--skip", "1"), "named table")
    assert_one_line_error(*run_main("train", "--data", path, "--skip", "1", "--skip", "2",
                                    "--skip", "3"), "1 field kept")


def test_a_test_file_must_use_the_training_words_and_inputs(tmp_path):
    train = write_data(tmp_path, "a,t\n1,pass\n0,fail\n", "train.csv")
    assert_one_line_error(*run_main("train", "--data", train, "--test",
                                    write_data(tmp_path, "a,t\n1,yes\n", "words.csv")),
                          "'yes'", "'fail' or 'pass'")
    assert_one_line_error(*run_main("train", "--data", train, "--test",
                                    write_data(tmp_path, "a,b,t\n1,1,pass\n", "wide.csv")),
                          "2 inputs")
    assert_one_line_error(*run_main("train", "--data", "and", "--test",
                                    write_data(tmp_path, "a,b,t\n1,1,pass\n", "w.csv")),
                          "w.csv", "'pass'")
    assert_one_line_error(*run_main("train", "--data", train, "--test",
                                    write_data(tmp_path, "a,b\n1,0\n", "untargeted.csv")),
                          "the target '0' is not", "is it missing?")
    # a test file of one word reads it as the training file's
    status, out, err = run_main("train", "--data", train, "--iterations", "50", "--test",
                                write_data(tmp_path, "a,t\n1,pass\n1,pass\n", "one.csv"))
    assert (status, err) == (0, "") and "On the test examples:" in out


def test_a_test_file_with_named_columns_is_read_by_name(tmp_path):
    train = write_data(tmp_path, class_file(), "train.csv")
    swapped = write_data(tmp_path, "Name,Slept,Studied,Passed\nZoe,4,7,pass\n", "swapped.csv")
    in_order = write_data(tmp_path, "Name,Studied,Slept,Passed\nZoe,7,4,pass\n", "order.csv")
    outs = [run_main("train", "--data", train, "--skip", "Name", "--iterations", "50", "--test",
                     test) for test in (swapped, in_order)]
    assert outs[0][0] == 0 and outs[0][1].replace("swapped.csv", "order.csv") == outs[1][1]
    assert "Zoe   7 4 " in outs[0][1]
    # names missing or twice over cannot say which column is which: the order decides
    unnamed = write_data(tmp_path, "a,,,t\n1,0,5,1\n0,1,2,0\n", "unnamed.csv")
    out = run_main("train", "--data", unnamed, "--iterations", "5", "--test",
                   write_data(tmp_path, "A,,,t\n1,0,5,1\n", "unnamed_test.csv"))[1]
    assert "On the test examples:\ninputs  target  answer      decision\n1 0 5 " in out
    renamed = write_data(tmp_path, "Name,Hours,Slept,Passed\nZoe,7,4,pass\n", "renamed.csv")
    assert_one_line_error(*run_main("train", "--data", train, "--skip", "Name", "--test",
                                    renamed), "renamed.csv has the inputs Hours, Slept",
                          "the network's are studied, slept")


@pytest.mark.parametrize("text, table", [
    # Excel and Sheets write empty cells past the last column: no column of their own
    ("Name;a;t;;;\r\nAnn;1;no;;;\r\nBob;0;yes;;;\r\n;;;;;\r\n", ([[1], [0]], [[0], [1]])),
    ("a,t\n1,no,,\n0,yes,\n", ([[1], [0]], [[0], [1]])),
    ("a,t\n1,no\n0,No\n0,yes\n", ([[1], [0], [0]], [[0], [0], [1]])),  # one capitalised
    ("hours,slept,\n1,2,pass\n2,1,fail\n", ([[1, 2], [2, 1]], [[1], [0]])),  # no target name
    ("a,t\n1,no,,\n0,yes,\n", ([[1], [0]], [[0], [1]])),  # a row's own empty cells
])
def test_what_a_spreadsheet_adds_reads_as_the_table(tmp_path, text, table):
    path = write_data(tmp_path, text)
    read = pureneuron.read_examples(path, skip=["Name"] if "Name" in text else [])
    assert (read.X, read.y) == table


@pytest.mark.parametrize("text, mentions", [
    # a point beside decimal commas groups thousands: 1.200 is not 1.2
    ("a;b;t\n1.200;2;1\n7,5;1;0\n", ["line 2, column 1: '1.200' has a point", "like 1200"]),
    ("a;b;t\n1.200,50;2;1\n", ["line 2, column 1: '1.200,50' has a point and a comma"]),
    ("a,b,t\n1,2,no\n3,4,\n5,6,yes\n", ["line 3, column 3: no target (an empty cell)"]),
    ("a;b;t\n5%;2;1\n", ["line 2, column 1 ('a'): '5%' is not a number", "without %"]),
    ("a;b;t\n1\xa0200,5;2;1\n", ["'1\\xa0200,5' is not a number", "spaces"]),  # as written
    ("a,t\n" + "1," * 3000000 + "1\n", ["line 2: more than 2000 fields"]),
    ("Class 7b survey,,\na,b,t\n1,2,no\n", ["line 2: names, not numbers: is line 1, "
                                             "'Class 7b survey', a title above the table?"]),
    ("id,a,t\nS01,1,no\n", ["'S01' is not a number", "--skip id"]),  # words, not a number
    ("a,b,t\n1,,no\n", ["line 2, column 2 ('b'): an empty cell"]),
    ("1,2,\n2,3,1\n", ["line 1, column 3: no target (an empty cell)"]),
    # a quote a spreadsheet opened and the line did not close, or a cell of a whole book
    ('a,t\n1,"0\n1",1\n', ['line 2: a quote (") opens a cell that the line does not close']),
    ('a,t\n"' + "x" * 200000 + ',1\n', ["line 2: a cell of more than 131072 characters"]),
])
def test_numbers_a_spreadsheet_may_mean_otherwise_are_refused_where_they_are(tmp_path, text,
                                                                             mentions):
    path = write_data(tmp_path, text)
    assert_one_line_error(*run_main("train", "--data", path), *mentions)


# --- did it learn: each example, and the count of right ones ----------------------

def right_by_hand(weights, X, y, bias=False):
    """How many examples the network gets right, counted here: forward pass by hand."""
    right = 0
    for example, (target,) in zip(X, y):
        values = list(example)
        for synapses in weights:
            values = values + [1] if bias else values
            values = [1 / (1 + math.exp(-sum(v * synapses[i][j] for i, v in enumerate(values))))
                      for j in range(len(synapses[0]))]
        right += (values[0] >= 0.5) == (target >= 0.5)
    return right


@pytest.mark.parametrize("argv, layers, bias", [
    (["--data", "exam", "--layers", "2,1", "--bias", "--iterations", "300"], [2, 1], True),
    (["--data", "xor", "--layers", "2,1", "--iterations", "100"], [2, 1], False),
    (["--data", "multi-layer", "--iterations", "40"], [3, 4, 1], False),
])
def test_the_right_count_is_the_count_by_hand(argv, layers, bias):
    status, out, err = run_main("train", *argv)
    assert (status, err) == (0, "")
    table = pureneuron.DATASETS[argv[1]]
    iterations = int(argv[argv.index("--iterations") + 1])
    result = pureneuron.train_network(table.X, table.y, layers, iterations, bias=bias)
    right = right_by_hand(result["weights"], table.X, table.y, bias)
    assert "\n%d of %d right\n" % (right, len(table.X)) in out
    listed = out.split("On the examples it trained on:\n")[1].split("\n")[1:1 + len(table.X)]
    assert sum(line.endswith(", right") for line in listed) == right
    assert sum(line.endswith(", wrong") for line in listed) == len(table.X) - right


def test_a_long_table_lists_a_screenful_then_counts_the_rest(tmp_path):
    # no bias: the examples of input 0 answer 0.5, a decision of 1, wrong
    path = write_data(tmp_path, "".join("%d,%d\n" % (k % 2, k % 2) for k in range(50)))
    out = run_main("train", "--data", path, "--layers", "1,1", "--iterations", "200")[1]
    lines = out.split("On the examples it trained on:\n")[1].splitlines()
    listed = lines[1:1 + pureneuron.SCREENFUL]
    assert [line.split()[-1] for line in listed] == ["wrong", "right"] * 10
    assert lines[1 + pureneuron.SCREENFUL:3 + pureneuron.SCREENFUL] == [
        "... and 30 more examples, 15 of them right", "25 of 50 right"]


def test_every_2500_over_10000_iterations_ends_with_the_last_error():
    out = run_main("train", "--data", "xor", "--layers", "2,1", "--every", "2500")[1]
    errors = [line.split(":")[0] for line in out.splitlines() if line.startswith("Error")]
    assert errors == ["Error after %d iterations" % n for n in (0, 2500, 5000, 7500, 10000)]


# --- holding examples out -------------------------------------------------------

def test_hold_out_is_chosen_by_the_seed_and_leaves_python_random_alone():
    table = pureneuron.DATASETS["exam"]
    state = random.getstate()
    kept, held = pureneuron.hold_out(table, 4, seed=1)
    assert random.getstate() == state
    assert len(held.X) == 4 and len(kept.X) == 12
    pairs = sorted(map(tuple, kept.X + held.X))
    assert pairs == sorted(map(tuple, table.X))
    assert pureneuron.hold_out(table, 4, seed=1) == (kept, held)
    assert pureneuron.hold_out(table, 4, seed=2)[1].X != held.X
    assert len(pureneuron.hold_out(table, 0.25, seed=1)[1].X) == 4
    assert held.labels == ["fail", "pass"]


@pytest.mark.parametrize("amount", ["0", "16", "1.5", "-1", "x", "nan", "1e9"])
def test_a_hold_out_that_leaves_nothing_or_is_not_a_count_is_refused(amount):
    assert_one_line_error(*run_main("train", "--data", "exam", "--hold-out", amount),
                          "--hold-out")


def test_held_out_examples_are_scored_but_not_trained_on():
    status, out, err = run_main("train", "--data", "exam", "--hold-out", "4", "--bias",
                                "--scale", "--iterations", "300")
    assert (status, err) == (0, "")
    kept, held = pureneuron.hold_out(pureneuron.DATASETS["exam"], 4, 1)
    scaling = pureneuron.scaling_of(kept.X)
    result = pureneuron.train_network(pureneuron.scaled(kept.X, scaling), kept.y, [2, 4, 1],
                                      300, bias=True)
    assert "Scaled to 0..1: studied %s..%s, slept %s..%s\n" % tuple(
        pureneuron.python2_str(x) for pair in scaling for x in pair) in out
    held_part = out.split("On the 4 examples held out (seed 1):\n")[1]
    right = right_by_hand(result["weights"], pureneuron.scaled(held.X, scaling), held.y, True)
    assert "\n%d of 4 right\n" % right in held_part


# --- scaling -------------------------------------------------------------------------

def test_minutes_warn_without_scale_and_train_with_it(tmp_path):
    minutes = "".join("%d,%d,%s\n" % (60 * float(s), 60 * float(h), p)
                      for _, s, h, p in CLASS_ROWS)
    path = write_data(tmp_path, minutes)
    out = run_main("train", "--data", path, "--iterations", "2000", "--bias")[1]
    assert out.count("Warning: ") == 1 and "inputs reach 540" in out and "--scale" in out
    status, out, err = run_main("train", "--data", path, "--iterations", "2000", "--bias",
                                "--scale", "--ask", "300,420")
    assert (status, err) == (0, "") and "Warning" not in out
    assert "Scaled to 0..1: input 1 90..420, input 2 270..540\n" in out
    assert "\n8 of 8 right\n" in out
    # --ask is scaled as the training data was: the same as asking 0.636..., 0.555...
    result = pureneuron.train_network(pureneuron.scaled([[60 * float(s), 60 * float(h)]
                                                         for _, s, h, _ in CLASS_ROWS],
                                                        [(90, 420), (270, 540)]),
                                      CLASS_Y, [2, 4, 1], 2000, bias=True)
    expected = pureneuron.forward(result["weights"], [[(300 - 90) / 330, (420 - 270) / 270]],
                                  True)[-1][0][0]
    assert "New situation 300,420 -> %.8f" % expected in out


def test_inputs_outside_0_1_suggest_scale_before_training():
    out = run_main("train", "--data", "exam", "--hold-out", "4", "--bias", "--iterations",
                   "200")[1]
    lines = out.splitlines()
    warnings = [n for n, line in enumerate(lines) if line.startswith("Warning")]
    assert len(warnings) == 1 and lines[warnings[0] + 1].startswith("Training layers")
    assert "inputs reach 9, outside 0..1" in lines[warnings[0]] and "--scale" in out
    assert "Warning" not in run_main("train", "--data", "exam", "--scale", "--iterations",
                                     "200")[1]
    assert not [line for line in run_main("train", "--data", "xor", "--layers", "2,1")[1]
                .splitlines() if line.startswith("Warning")]  # 0/1 inputs: scaling cannot help
    assert "inputs reach -3," in pureneuron.scale_warning([[0.5, -3], [2, 1]])


def test_many_examples_at_alpha_1_warn_and_the_alpha_suggested_trains(tmp_path):
    rng = random.Random(5)
    rows = [(round(rng.uniform(0, 10), 1), round(rng.uniform(3, 10), 1)) for _ in range(200)]
    path = write_data(tmp_path, "studied,slept,passed\n" + "".join(
        "%s,%s,%s\n" % (a, b, "pass" if a + b / 2 > 7 else "fail") for a, b in rows))
    right = {}
    for alpha in ("1", "0.05"):
        status, out, err = run_main("train", "--data", path, "--scale", "--bias",
                                    "--iterations", "1000", "--alpha", alpha)
        assert (status, err) == (0, "")
        warned = ("Warning: each update adds up the steps of all 200 examples, so at alpha 1 "
                  "it can overshoot and stall; try --alpha 0.05\n")
        assert (warned in out) == (alpha == "1")
        right[alpha] = int(re.search(r"(\d+) of 200 right", out).group(1))
    assert right["1"] < 150 and right["0.05"] > 190


def test_scaled_maps_the_training_range_to_0_1_and_a_constant_column_to_0():
    assert pureneuron.scaling_of([[1, 5], [3, 5], [2, 5]]) == [(1, 3), (5, 5)]
    assert pureneuron.scaled([[1, 5], [3, 5], [4, 7]], [(1, 3), (5, 5)]) == [
        [0.0, 0.0], [1.0, 0.0], [1.5, 2.0]]


# --- several alphas ------------------------------------------------------------------

def test_several_alphas_train_side_by_side_as_each_alone():
    status, out, err = run_main("train", "--data", "xor", "--layers", "2,4,1", "--iterations",
                                "300", "--every", "100", "--alpha", "0.5", "--alpha", "10",
                                "--ask", "1,0")
    assert (status, err) == (0, "")
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[3:]}
    assert rows["iteration"] == ["alpha", "0.5", "alpha", "10"]
    for column, alpha in enumerate(["0.5", "10"]):
        alone = run_main("train", "--data", "xor", "--layers", "2,4,1", "--iterations", "300",
                         "--every", "100", "--alpha", alpha, "--ask", "1,0")[1]
        errors = [line.split(":")[1] for line in alone.splitlines() if line.startswith("Error")]
        assert [rows[n][column] for n in ("0", "100", "200", "300")] == errors
        assert " ".join(rows["right"][3 * column:3 * column + 3]) == re.search(
            r"\n(\d of 4) right\n", alone).group(1)
        assert rows["1,0"][column] == re.search(r"New situation 1,0 -> (\S+)", alone).group(1)


@pytest.mark.parametrize("option", ["--table", "--save"])
def test_what_shows_one_network_needs_one_alpha(tmp_path, option):
    extra = [str(tmp_path / "n.json")] if option == "--save" else []
    assert_one_line_error(*run_main("train", "--alpha", "1", "--alpha", "2", option, *extra),
                          option)
    assert os.listdir(str(tmp_path)) == []


def test_train_takes_at_most_max_alphas():
    assert_one_line_error(*run_main("train", *["--alpha", "1"] * 21), "--alpha", "20")


# --- keeping a network: --save and --load --------------------------------------------

def test_a_saved_network_answers_the_same_next_lesson(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_data(tmp_path, class_file(";", "\r\n", ","), "class.csv")
    status, out, err = run_main("train", "--data", "class.csv", "--skip", "name", "--scale",
                                "--bias", "--iterations", "500", "--ask", "5,6",
                                "--save", "net.json")
    assert (status, err) == (0, "") and out.endswith("Saved the network to net.json\n")
    assert sorted(os.listdir(".")) == ["class.csv", "net.json"]
    loaded = pureneuron.load_network("net.json")
    kept = pureneuron.read_examples("class.csv", ["name"])
    scaling = pureneuron.scaling_of(kept.X)
    trained = pureneuron.train_network(pureneuron.scaled(kept.X, scaling), kept.y, [2, 4, 1],
                                       500, bias=True)
    assert loaded["weights"] == trained["weights"]  # every float exactly
    assert loaded["scaling"] == scaling and loaded["labels"] == ["fail", "pass"]
    assert loaded["inputs"] == ["studied", "slept"]
    status, again, err = run_main("train", "--load", "net.json", "--ask", "5,6", "--test",
                                  "class.csv", "--skip", "name")
    assert (status, err) == (0, "")
    asked = [line for line in out.splitlines() if line.startswith("New situation")]
    assert asked == [line for line in again.splitlines() if line.startswith("New situation")]
    assert out.split("On the examples it trained on:\n")[1].split("New situation")[0] == \
        again.split("On the test examples:\n")[1].split("New situation")[0]
    assert "Scaled to 0..1: studied 1.5..7, slept 4.5..9\n" in again


def test_a_saved_network_without_scaling_or_labels_round_trips(tmp_path):
    path = str(tmp_path / "xor.json")
    assert run_main("train", "--data", "xor", "--iterations", "50", "--save", path)[0] == 0
    with open(path) as file:
        saved = json.load(file)
    assert saved["scaling"] is None and saved["labels"] is None and saved["layers"] == [2, 4, 1]
    result = pureneuron.train_network([[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [1], [1], [0]],
                                      [2, 4, 1], 50)
    assert saved["weights"] == result["weights"]
    ordinary = tmp_path / "ordinary.txt"
    ordinary.write_text("")
    if sys.platform != "emscripten":  # whose files ignore the umask it reports
        assert os.stat(path).st_mode == os.stat(str(ordinary)).st_mode  # not private to its maker
    assert os.stat(path).st_mode & 0o044 == 0o044  # others may read it, as a new file's mode
    out = run_main("train", "--load", path, "--table")[1]
    assert "inputs  answer      trained on\n0 0     %.8f" % pureneuron.network_answer(result, [0, 0]) in out


GOOD_SAVE = {"format": "pureneuron network 1", "layers": [2, 1], "bias": False,
             "weights": [[[0.5], [-0.25]]], "scaling": None, "labels": None, "inputs": None}


def changed(**changes):
    """GOOD_SAVE as JSON text, with some entries changed (None: left out)."""
    saved = dict(GOOD_SAVE)
    for key, value in changes.items():
        if value is None:
            del saved[key]
        else:
            saved[key] = value
    return json.dumps(saved)


BAD_SAVES = [
    ("not JSON", "{'layers': [2, 1]}"), ("empty", ""), ("a list", "[1, 2]"),
    ("foreign", json.dumps({"layers": [2, 1]})), ("no format", changed(format=None)),
    ("bad layers", changed(layers=[2])), ("layers of text", changed(layers=["2", "1"])),
    ("huge layer", changed(layers=[2, 10 ** 9])), ("bias 1", changed(bias=1)),
    ("short weights", changed(weights=[[[0.5]]])), ("text weight", changed(weights=[[["0.5"],
                                                                                      [1]]])),
    ("true weight", changed(weights=[[[True], [1]]])),
    ("NaN", changed().replace("0.5", "NaN")), ("Infinity", changed().replace("0.5", "Infinity")),
    ("1e999", changed().replace("0.5", "1e999")), ("digits", changed().replace("0.5", "9" * 5000)),
    ("deep", "[" * 100000 + "]" * 100000),
    ("scaling", changed(scaling=[[0, 1]])), ("labels", changed(labels=["a", "a"])),
    ("inputs", changed(inputs=["a"])), ("too many weights", changed(layers=[1000, 1000, 1])),
    ("bytes", b"\xff\xfe\x00\x00\x00"),
]


@pytest.mark.parametrize("why, text", BAD_SAVES, ids=[case[0] for case in BAD_SAVES])
def test_a_damaged_or_foreign_saved_network_is_one_line(tmp_path, why, text):
    path = write_data(tmp_path, text, "net.json")
    before = open(path, "rb").read()
    assert_one_line_error(*run_main("train", "--load", path, "--ask", "1,1"), "net.json")
    assert open(path, "rb").read() == before and os.listdir(str(tmp_path)) == ["net.json"]


def test_load_refuses_training_options_and_an_oversized_file(tmp_path, monkeypatch):
    path = write_data(tmp_path, changed(), "net.json")
    status, out, err = run_main("train", "--load", path, "--ask", "1,0")
    assert (status, err) == (0, "")
    assert "New situation 1,0 -> %.8f\n" % (1 / (1 + math.exp(-0.5))) in out
    for option in (["--layers", "2,1"], ["--bias"], ["--scale"], ["--hold-out", "1"],
                   ["--data", "xor"], ["--iterations", "5"], ["--alpha", "2"]):
        assert_one_line_error(*run_main("train", "--load", path, *option), option[0])
    assert_one_line_error(*run_main("train", "--load", path, "--ask", "1,0,0"), "2 inputs")
    assert_one_line_error(*run_main("train", "--load", path, "--skip", "1", "--ask", "1,0"),
                          "--skip leaves a column out of --test FILE")
    monkeypatch.setattr(pureneuron, "MAX_DATA_BYTES", 50)
    assert_one_line_error(*run_main("train", "--load", path), "MB")


@pytest.mark.parametrize("name, mentions", [("net.txt", [".json"]), ("missing/net.json",
                                                                      ["no folder"]),
                                            ("data.json", ["data file"])])
def test_save_refuses_before_training_what_it_could_not_write(tmp_path, monkeypatch, name,
                                                              mentions):
    monkeypatch.chdir(tmp_path)
    write_data(tmp_path, "0,1,1\n1,0,0\n", "data.json")
    before = open("data.json", "rb").read()
    assert_one_line_error(*run_main("train", "--data", "data.json", "--save", name), *mentions)
    assert os.listdir(".") == ["data.json"] and open("data.json", "rb").read() == before


def test_a_failed_save_leaves_no_file_behind(tmp_path, monkeypatch):
    path = tmp_path / "net.json"
    path.write_text("the old network\n")

    def full_disk(*args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(pureneuron.os, "replace", full_disk)
    status, out, err = run_main("train", "--data", "and", "--iterations", "5",
                                "--save", str(path))
    assert status == 1 and "No space left on device" in err and err.count("\n") == 1
    assert os.listdir(str(tmp_path)) == ["net.json"] and path.read_text() == "the old network\n"


# --- names in messages, and training that stops giving numbers -------------------------

@pytest.mark.parametrize("name", ["a\nb.csv", "\x1b[2Jclear.csv", "x" * 300 + ".csv"])
def test_a_file_name_is_escaped_and_shortened_in_messages(tmp_path, name):
    path = os.path.join(str(tmp_path), name)
    status, out, err = run_main("train", "--data", path)
    assert_one_line_error(status, out, err)
    assert "\x1b" not in err and len(err) < 400


def test_a_name_the_console_cannot_encode_is_escaped(tmp_path):
    path = write_data(tmp_path, "0,1,1\n1,0,0\n", "données.csv")
    environment = dict(os.environ, PYTHONIOENCODING="ascii")
    status, out, err = run_process(script("train", "--data", path, "--iterations", "1"),
                                   env=environment)
    assert (status, err) == (0, "") and "donn\\xe9es.csv" in out.splitlines()[0]
    status, out, err = run_process(script("train", "--data", path + "x"), env=environment)
    assert_one_line_error(status, out, err, "donn\\xe9es.csvx")


def test_weights_that_stop_being_numbers_are_one_line_and_no_table(monkeypatch):
    real = pureneuron.train_network

    @functools.wraps(real)  # its signature too: the command line reads its defaults
    def overflowing(*args, **settings):
        result = real(*args, **settings)
        result["weights"][0][0][0] = float("nan")
        result["non_finite_at"] = 3
        return result
    monkeypatch.setattr(pureneuron, "train_network", overflowing)
    status, out, err = run_main("train", "--data", "xor", "--iterations", "5", "--table",
                                "--plot")
    assert (status, err) == (0, "")
    assert "stopped giving numbers at iteration 3" in out and "--alpha" in out
    assert "nan" not in out and "inputs  answer" not in out and "iteration\n" not in out


# --- the named tables ----------------------------------------------------------------

def test_data_list_names_every_table_with_its_inputs_and_size():
    status, out, err = run_main("train", "--data", "list")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(pureneuron.DATASETS)
    for line, table in zip(lines, pureneuron.DATASETS.values()):
        assert " %d examples, " % len(table.X) in line and len(line) <= 80
    assert "inputs studied, slept" in lines[-1]


def test_one_neuron_cannot_learn_xor_of_two_inputs_but_a_hidden_layer_can():
    alone = run_main("train", "--data", "xor", "--layers", "2,1")[1]
    assert "\n2 of 4 right\n" in alone
    hidden = run_main("train", "--data", "xor", "--layers", "2,4,1")[1]
    assert "\n4 of 4 right\n" in hidden


@pytest.mark.parametrize("line", [b"\n", b"\r", b"0,1\n", b"0;1\r\n", b";;;\r\n"],
                         ids=["LF", "CR", "short lines", "CRLF", "empty rows"])
def test_a_file_at_the_byte_limit_is_read_or_refused_in_seconds(tmp_path, monkeypatch, line):
    # a limit of 256 KB here: the time grows in step with the size, to about 10 s at 10 MB
    monkeypatch.setattr(pureneuron, "MAX_DATA_BYTES", 2 ** 18)
    monkeypatch.setattr(pureneuron, "MAX_EXAMPLES", 2000)
    path = write_data(tmp_path, (line * 2 ** 18)[:2 ** 18])
    started = time.monotonic()
    status, out, err = run_main("train", "--data", path, "--iterations", "0")
    assert_one_line_error(status, out, err)  # no examples, or too many
    assert time.monotonic() - started < 5


def test_saved_json_with_more_lists_than_a_network_is_refused_before_parsing(tmp_path):
    path = write_data(tmp_path, "[" + "[]," * 100000 + "[]]", "net.json")
    assert_one_line_error(*run_main("train", "--load", path), "more lists")


def test_header_names_and_words_from_a_file_are_shown_escaped(tmp_path):
    path = write_data(tmp_path, "x\x1b[31m,t\n1,yes\x07\n0,no\n")
    status, out, err = run_main("train", "--data", path, "--iterations", "1", "--scale")
    assert (status, err) == (0, "") and "\x1b" not in out and "\x07" not in out
    assert "Scaled to 0..1: 'x\\x1b[31m' 0..1\n" in out and "'yes\\x07'" in out


def test_several_alphas_score_held_out_and_test_examples_on_rows_of_their_own():
    out = run_main("train", "--data", "exam", "--hold-out", "4", "--test", "exam", "--scale",
                   "--alpha", "1", "--alpha", "2", "--iterations", "100")[1]
    rows = [line.split("  ")[0] for line in out.splitlines()[6:]]
    assert rows == ["iteration", "100", "right", "right: 4 examples held out (seed 1)",
                    "right: test examples"]
    assert re.search(r"right: test examples +\d+ of 16 +\d+ of 16$", out.splitlines()[-1])


# ============================================================================
# Pictures: the network, what it decided, how it learned; --map and --check
# ============================================================================

SVG = "{http://www.w3.org/2000/svg}"
XOR_X, XOR_Y = TRASK_X, TRASK_3LAYER_Y  # Trask's 3-layer table: input 1 xor input 2
GATE_X, GATE_Y = [row[:2] for row in XOR_X], XOR_Y  # the same, without the constant input


def svg_tree(picture):
    """The picture's SVG, parsed (which fails unless it is well-formed XML)."""
    import xml.etree.ElementTree as ET
    return ET.fromstring(str(picture))


def elements(root, tag, kind=None):
    """Every `tag` element, only those of class `kind` when given."""
    return [e for e in root.iter(SVG + tag) if kind is None or e.get("class") == kind]


def groups(root, kind):
    return elements(root, "g", kind)


def tooltip_of(element):
    title = element.find(SVG + "title")
    return title.text if title is not None else None


def weight_lines(panel):
    """{(name, i, j): (value written, colour)} for a network panel's lines."""
    found = {}
    for line in elements(panel, "line"):
        match = re.match(r"(.+)\[(\d+)\]\[(\d+)\] = (-?\d+\.\d{8})$", tooltip_of(line) or "")
        if match:
            found[match.group(1), int(match.group(2)), int(match.group(3))] = (
                match.group(4), line.get("stroke"))
    return found


def trained_xor(iterations=3000, layers=(3, 4, 1), X=XOR_X, y=XOR_Y, bias=False):
    return pureneuron.train_network(X, y, list(layers), iterations=iterations, bias=bias,
                                    every=100)


@pytest.mark.parametrize("layers, bias", [((3, 4, 1), False), ((3, 1), False),
                                          ((3, 5, 2, 1), True)])
def test_the_picture_has_a_neuron_for_each_and_a_line_for_each_weight(layers, bias):
    result = trained_xor(200, layers, bias=bias)
    root = svg_tree(pureneuron.picture(result, XOR_X, XOR_Y))
    assert (root.get("width"), root.get("height")) == ("1024", "768")
    panels = groups(root, "network")
    assert len(panels) == 2  # starting weights, then trained
    for panel, weights in zip(panels, [result["starting_weights"], result["weights"]]):
        assert len(elements(panel, "circle", "neuron")) == sum(layers)
        assert len(elements(panel, "rect", "bias")) == (len(layers) - 1 if bias else 0)
        lines = weight_lines(panel)
        expected = {("syn%d" % k, i, j): w for k, m in enumerate(weights)
                    for i, row in enumerate(m) for j, w in enumerate(row)}
        assert set(lines) == set(expected)
        for key, w in expected.items():
            written, colour = lines[key]
            assert written == "%.8f" % w
            assert colour == ("#0072b2" if w >= 0 else "#d55e00"), key
    colours = {colour for panel in panels for _, colour in weight_lines(panel).values()}
    assert colours == {"#0072b2", "#d55e00"}


def test_weights_are_written_on_the_lines_of_a_small_network_only():
    small = svg_tree(pureneuron.picture(trained_xor(10)))
    big = svg_tree(pureneuron.picture(trained_xor(10, (3, 9, 4, 1))))
    def written(root):
        return [t.text for g in groups(root, "weight-labels") for t in elements(g, "text")]
    # on the trained network only: one value for each of its 16 weights
    assert len(groups(small, "weight-labels")) == 1
    assert len(written(small)) == 16 and written(big) == []
    panel = groups(small, "network")[1]
    values = sorted(float(v) for v, _ in weight_lines(panel).values())
    assert sorted(float(t) for t in written(small)) == [round(v, 2) for v in values]


def map_corners(root):
    """The fills of the map's corner cells: bottom left, bottom right, top left, top right."""
    cells = elements(groups(root, "map-cells")[0], "rect")
    side = int(round(len(cells) ** 0.5))
    assert side * side == len(cells) and 11 <= side and len(cells) <= 5000
    return [cells[k].get("fill") for k in (0, side - 1, side * (side - 1), side * side - 1)]


@pytest.mark.parametrize("X, y, held", [(XOR_X, XOR_Y, "input 3 held at 1"),
                                        (GATE_X, GATE_Y, None)])
def test_the_maps_corners_are_the_networks_answers_there(X, y, held):
    result = trained_xor(3000, [len(X[0]), 4, 1], X, y, bias=len(X[0]) == 2)
    root = svg_tree(pureneuron.picture(result, X, y))
    corners = [[0, 0], [1, 0], [0, 1], [1, 1]]
    expected = [pureneuron.answer_colour(pureneuron.network_answer(result, c + X[0][2:]))
                for c in corners]
    assert map_corners(root) == expected
    # a trained XOR: vermilion-ish where it says 0, blue-ish where it says 1
    assert [int(fill[1:3], 16) > int(fill[5:7], 16) for fill in expected] == [True, False,
                                                                              False, True]
    marks = elements(groups(root, "map")[0], "circle", "example")
    assert len(marks) == 4
    assert sorted(tooltip_of(m).split(":")[1].strip()[:8] for m in marks) == [
        "target 0", "target 0", "target 1", "target 1"]
    texts = " ".join(t.text or "" for t in elements(root, "text"))
    assert (held in texts) if held else ("held at" not in texts)
    assert len(elements(root, "path")) == 1  # the 0.5 boundary


def test_the_map_marks_new_situations_apart_from_the_examples():
    result = trained_xor(100, [2, 3, 1], GATE_X, GATE_Y, bias=True)
    root = svg_tree(pureneuron.picture(result, GATE_X, GATE_Y, asked=[[0.25, 0.75], [2, 0]]))
    marks = elements(root, "rect", "new-situation")
    # 2, 0 lies outside the examples' 0..1: the map widens to take it in
    assert [tooltip_of(m).split(":")[0] for m in marks] == ["new situation 0.25, 0.75",
                                                             "new situation 2, 0"]


def test_with_three_varying_inputs_the_picture_lists_the_answers_instead_of_a_map():
    printed, result = printed_and_returned(pureneuron.multi_layer, iterations=50)
    root = svg_tree(pureneuron.picture(result))
    assert not groups(root, "map-cells")
    texts = [t.text for t in elements(groups(root, "answers")[0], "text")]
    assert "No map: 3 inputs of the data vary; a map shows two." in texts
    assert texts.count("new") == 1  # Milo's [1, 1, 0]


def test_one_curve_per_alpha_with_a_legend():
    printed, results = printed_and_returned(pureneuron.gradient_descent, iterations=10001,
                                            alphas=(0.5, 5, 50))
    root = svg_tree(pureneuron.picture(results))
    curves = groups(root, "curve")
    assert [tooltip_of(c).split(":")[0] for c in curves] == ["alpha 0.5", "alpha 5",
                                                            "alpha 50"]
    for curve, result in zip(curves, results):
        points = elements(curve, "polyline")[0].get("points").split()
        assert len(points) == len(result["errors"]) == 2
    assert len({c.get("stroke") for c in curves}) == 3
    legend = [t.text for t in elements(groups(root, "errors")[0], "text")]
    finals = [r["errors"][-1] for r in results]  # no iterations given: the last noted
    assert {"alpha 0.5: %.3g" % finals[0], "alpha 5: %.3g" % finals[1],
            "alpha 50: %.3g" % finals[2]} <= set(legend)
    best = min(results, key=lambda r: r["errors"][-1])
    assert "Drawn above: alpha %s, lowest final error" % best["alpha"] in " ".join(
        t.text or "" for t in elements(root, "text"))


def test_the_error_axis_turns_logarithmic_when_the_error_falls_tenfold():
    falling = svg_tree(pureneuron.picture(trained_xor(3000)))
    flat = svg_tree(pureneuron.picture(trained_xor(300)))
    def axis(root):
        return [t.text for t in elements(groups(root, "errors")[0], "text")
                if t.get("transform")][0]
    # the axis's name, shortened to "error" where the chart is short
    assert axis(falling) in ("mean absolute error (log)", "error (log)")
    assert axis(flat) in ("mean absolute error", "error")


def test_the_picture_is_one_offline_file():
    text = str(pureneuron.picture(trained_xor(100)))
    assert "<script" not in text and "href" not in text and "@import" not in text
    assert re.findall(r"https?://[^\"]+", text) == ["http://www.w3.org/2000/svg"]
    svg_tree(text)


def test_a_notebook_shows_the_picture_inline_and_can_save_it(tmp_path):
    printed, result = printed_and_returned(pureneuron.three_layer, iterations=10)
    shown = pureneuron.picture(result)
    assert shown._repr_svg_() == str(shown) and str(shown).startswith("<svg")
    shown.save(str(tmp_path / "net.svg"))
    assert (tmp_path / "net.svg").read_text(encoding="utf-8") == str(shown)
    assert os.listdir(str(tmp_path)) == ["net.svg"]


def test_a_picture_that_cannot_be_written_leaves_nothing_behind(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "inside").write_text("kept")
    with pytest.raises(OSError, match="cannot write .*taken"):
        pureneuron.write_whole(str(tmp_path / "taken"), "<svg/>")
    assert sorted(os.listdir(str(tmp_path))) == ["taken"]
    assert os.listdir(str(tmp_path / "taken")) == ["inside"]
    with pytest.raises(OSError, match="cannot write"):
        pureneuron.write_whole(str(tmp_path / "no such folder" / "x.svg"), "<svg/>")


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_each_programs_picture_starts_from_its_starting_weights(name, tmp_path):
    settings = {"alphas": (1, 10)} if name == "gradient-descent" else {}
    function = PROGRAMS[name][0]
    before = printed_and_returned(function, iterations=0, seed=3, **settings)[1]
    after = printed_and_returned(function, iterations=2, seed=3, **settings)[1]
    net = pureneuron.program_network(function, after, iterations=2, seed=3, **settings)
    first = before[0] if name == "gradient-descent" else before
    assert net.starting_weights == pureneuron.network_of(first).weights
    assert net.weights != net.starting_weights
    root = svg_tree(pureneuron.picture(net))
    assert len(groups(root, "network")) == 2


def test_svg_on_the_command_line_adds_one_line_to_what_it_prints(tmp_path):
    path = str(tmp_path / "xor.svg")
    plain = run_main("train", "--data", "trask", "--layers", "3,4,1", "--iterations", "2000")
    status, out, err = run_main("train", "--data", "trask", "--layers", "3,4,1", "--iterations",
                                "2000", "--svg", path)
    assert (status, err) == (0, "") and out == plain[1] + "Picture written to %s\n" % path
    root = svg_tree(open(path, encoding="utf-8").read())
    assert len(groups(root, "curve")) == 1 and groups(root, "map-cells")
    status, out, err = run_main("three-layer", "--iterations", "20001", "--svg", path)
    assert (status, err) == (0, "")
    assert out == POST_OUTPUTS["three-layer"].text.replace(
        "Error:0.00462917677677\nError:0.00395876528027\nError:0.00351012256786\n",
        "Picture written to %s\n" % path)
    # the three errors the post printed, and the error where training ended
    assert len(elements(groups(svg_tree(open(path).read()), "curve")[0], "circle")) == 4


@pytest.mark.parametrize("argv, words", [
    (["--svg", "missing/x.svg"], "no folder"), (["--svg", "folder.svg"], "a folder"),
    (["--svg", "data.csv"], ".svg"), (["--svg", "pureneuron.py"], ".svg"),
    (["--test", "test.json", "--save", "test.json"], "over the test file")])
def test_an_output_path_that_cannot_be_right_is_refused_before_training(tmp_path, monkeypatch,
                                                                       argv, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.svg").mkdir()
    for name in ("data.csv", "test.json", "pureneuron.py"):
        (tmp_path / name).write_text("a,b,t\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
    before = sorted(os.listdir(str(tmp_path)))
    assert_one_line_error(*run_main("train", "--data", "data.csv", *argv), words)
    assert sorted(os.listdir(str(tmp_path))) == before
    assert all((tmp_path / name).read_text().startswith("a,b,t")
               for name in ("data.csv", "test.json", "pureneuron.py"))


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_a_device_is_never_replaced_by_a_picture(tmp_path):
    os.symlink("/dev/null", str(tmp_path / "null.svg"))
    assert_one_line_error(*run_main("train", "--svg", str(tmp_path / "null.svg")),
                          "not a regular file")
    assert os.path.islink(str(tmp_path / "null.svg"))


def test_an_svg_that_cannot_be_written_is_one_line_and_status_1_and_leaves_nothing(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def full_disk(source, target):  # the temporary file is written; then the disk is full
        assert os.path.exists(source)
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(pureneuron.os, "replace", full_disk)
    status, out, err = run_main("train", "--iterations", "10", "--svg", "x.svg")
    assert status == 1 and out.startswith("Data: trask")
    assert err == "pureneuron.py: error: cannot write x.svg: No space left on device\n"
    assert os.listdir(str(tmp_path)) == []


@pytest.mark.parametrize("program", ["nine-lines", "three-layer", "multi-layer"])
def test_a_programs_svg_is_checked_before_it_trains_as_trains_is(tmp_path, program):
    assert_one_line_error(*run_main(program, "--svg", str(tmp_path / "picture.txt")),
                          "--svg takes a file name ending in .svg")
    assert_one_line_error(*run_main(program, "--svg", str(tmp_path / "no" / "p.svg")),
                          "cannot draw to", "no folder")
    assert not os.listdir(tmp_path)


def test_svg_refuses_a_layer_too_wide_to_draw_before_training():
    assert_one_line_error(*run_main("train", "--layers", "3,41,1", "--svg", "x.svg"),
                          "at most 40 neurons")
    assert_one_line_error(*run_main("gradient-descent", "--hidden", "50", "--svg", "x.svg",
                                   "--iterations", "10"),
                          "at most 40 neurons")


@pytest.mark.parametrize("data, held", [("trask", ["(input 3 held at 1, as in every example)"]),
                                        ("gate.csv", [])])
def test_map_draws_the_answers_in_characters(data, held, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "gate.csv").write_text("a,b,t\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
    status, out, err = run_main("train", "--data", data, "--iterations", "3000", "--map",
                                "--bias")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    start = lines.index("What the network answers across %s (across) and %s (up)"
                        % (("input 1", "input 2") if data == "trask" else ("a", "b")))
    assert lines[start + 1:start + 1 + len(held)] == held
    rows = lines[start + 1 + len(held):start + 22 + len(held)]
    assert all(len(row) == 50 for row in rows)
    assert (rows[0][8], rows[0][-2], rows[-1][8], rows[-1][-2]) == ("1", "0", "0", "1")
    # the network the command trained: on the posts' table, input 3 held at 1, or the gate
    X = XOR_X if data == "trask" else GATE_X
    result = pureneuron.train_network(X, XOR_Y, [len(X[0]), 4, 1], iterations=3000, bias=True)
    # beside each corner, the character of the answer there
    extra = [1] if data == "trask" else []
    for row, x2 in ((rows[0], 1), (rows[-1], 0)):
        for column, x1 in ((9, 0.025), (-3, 0.975)):
            a = pureneuron.network_answer(result, [x1, x2] + extra)
            assert row[column] == pureneuron.MAP_CHARACTERS[min(9, int(a * 10))]


def test_map_names_a_new_situation_it_cannot_show():
    status, out, err = run_main("train", "--data", "exam", "--scale", "--iterations", "200",
                                "--map", "--ask", "4,6", "--ask", "100,5")
    assert (status, err) == (0, "")
    assert out.endswith("; ?: a new situation\n  studied 100, slept 5: off the map\n")
    assert sum(line.count("?") for line in out.splitlines() if "|" in line) == 1  # 4,6 is on


def test_map_explains_when_there_is_no_map():
    status, out, err = run_main("multi-layer", "--iterations", "10", "--map")
    assert out.endswith("No map: 3 inputs of the data vary; a map shows two.\n")


def check_rows(out):
    """--check's rows: {weight: (backpropagation, measured, agreement)}."""
    rows = {}
    for line in out.splitlines():
        match = re.match(r"(\S+\[\d+\]\[\d+\])(?: bias)? +(-?\d+\.\d+) +(-?\d+\.\d+)  (.+)$",
                         line)
        if match:
            rows[match.group(1)] = (float(match.group(2)), float(match.group(3)),
                                    match.group(4))
    return rows


@pytest.mark.parametrize("argv, X, y, alpha, bias", [
    (["train", "--data", "trask", "--layers", "3,4,1"], XOR_X, XOR_Y, 1, False),
    (["train", "--data", "and", "--layers", "2,2,1", "--alpha", "0.5", "--bias"],
     [[0, 0], [0, 1], [1, 0], [1, 1]], [[0], [0], [0], [1]], 0.5, True)])
def test_check_shows_backpropagations_slope_beside_the_measured_one(argv, X, y, alpha, bias):
    status, out, err = run_main(*argv + ["--iterations", "5", "--check", "--seed", "4"])
    assert (status, err) == (0, "")
    layers = [int(n) for n in argv[argv.index("--layers") + 1].split(",")]
    one = pureneuron.train_network(X, y, layers, iterations=1, alpha=alpha, seed=4, bias=bias)
    rows = check_rows(out)
    assert len(rows) == sum(len(m) * len(m[0]) for m in one["weights"])
    for k, (before, after) in enumerate(zip(one["starting_weights"], one["weights"])):
        for i, row in enumerate(before):
            for j, w in enumerate(row):
                backpropagation, measured, agreement = rows["syn%d[%d][%d]" % (k, i, j)]
                assert backpropagation == pytest.approx((w - after[i][j]) / alpha, abs=2e-10)
                # our own measurement: the test's finite differences, plain loops
                def error_at(value):
                    changed = [[list(r) for r in m] for m in one["starting_weights"]]
                    changed[k][i][j] = value
                    return half_squared_error(X, y, changed, bias)
                ours = (error_at(w + 1e-6) - error_at(w - 1e-6)) / 2e-6
                assert measured == pytest.approx(ours, abs=1e-9)
                assert re.match(r"(\d+) digits|both 0", agreement)
    assert "All %d slopes agree to " % len(rows) in out


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_check_agrees_for_every_post_program(name):
    argv = [name, "--iterations", "3", "--check"] + (
        ["--alpha", "0.5"] if name == "gradient-descent" else [])
    status, out, err = run_main(*argv)
    assert (status, err) == (0, "")
    rows = check_rows(out)
    assert rows and all(int(a.split()[0]) >= 6 for _, _, a in rows.values())
    assert re.search(r"All %d slopes agree to \d+ digits or more" % len(rows), out)


def test_check_catches_an_update_that_is_not_the_slope(monkeypatch):
    # a learner who forgets the sigmoid's slope: the update is no longer dE/dw
    monkeypatch.setattr(pureneuron, "sigmoid_slope", lambda m: [[1.0] * len(r) for r in m])
    status, out, err = run_main("train", "--iterations", "1", "--check")
    assert out.rstrip().endswith("Some slopes disagree: this update is not the error's slope.")


def test_check_tells_a_nudge_lost_in_rounding_from_an_update_that_is_wrong():
    # E adds up the examples' errors; nudged by very little, its change is mostly rounding
    result = pureneuron.train_network(TRASK_X, TRASK_3LAYER_Y, [3, 4, 1], iterations=1)
    before = pureneuron.network_of(result, TRASK_X, TRASK_3LAYER_Y)._replace(
        weights=result["starting_weights"])
    lines = pureneuron.check_lines(before, result["weights"], 1, h=1e-11)
    agreements = [line[60:] for line in lines if line.startswith("syn")]
    assert len(agreements) == 16 and "too small to measure" in agreements
    measured = [int(agreement.split()[0]) for agreement in agreements
                if agreement != "too small to measure"]
    assert all(digits >= 5 for digits in measured)  # what can be measured agrees
    assert lines[-1] == ("Nothing to go by: all 16 too small for a nudge of 1e-11 to measure "
                         "through E's rounding; on fewer examples they would show."
                         if not measured else
                         "All %d slopes measured agree to %d digits or more (%d too small for "
                         "a nudge of 1e-11 to measure through E's rounding): the update is the "
                         "error's slope, downhill." % (len(measured), min(measured),
                                                       16 - len(measured)))
    # an update the other way is no nearer the slope for the nudge being small
    backwards = [[[2 * w - after for w, after in zip(row, row_after)]
                  for row, row_after in zip(matrix, matrix_after)]
                 for matrix, matrix_after in zip(result["starting_weights"], result["weights"])]
    assert pureneuron.check_lines(before, backwards, 1, h=1e-11)[-1] == (
        "Some slopes disagree: this update is not the error's slope.")


# --- the pictures in a real browser ----------------------------------------------

BROWSER = "chromium-headless-shell"


def screenshot(svg_path, png_path):
    """A real browser's picture of an SVG file in a 1024x768 window, or a skip saying why not."""
    browser = shutil.which(BROWSER)
    if not browser:
        pytest.skip("no %s on PATH to screenshot the pictures (CI's .ci/run installs it)"
                    % BROWSER)
    profile = os.path.join(os.path.dirname(png_path), "profile")
    run_process([browser, "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                 "--screenshot=" + png_path, "--window-size=1024,768",
                 "file://" + os.path.abspath(svg_path)], timeout=120)
    if not os.path.exists(png_path):
        pytest.skip("%s made no screenshot here" % BROWSER)
    return read_png(png_path)


def read_png(path):
    """(width, height, rows of (r, g, b) pixels): an 8-bit RGB or RGBA PNG, read with zlib."""
    import struct
    import zlib
    with open(path, "rb") as file:
        data = file.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, header = 8, [], None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 2:  # the commonest filter, done in one go: each byte plus the one above
            line, kind = bytearray((a + b) & 255 for a, b in zip(line, previous)), 0
        for x in range(stride if kind else 0):
            left = line[x - step] if x >= step else 0
            up = previous[x]
            corner = previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                guess = min((abs(p - left), 0, left), (abs(p - up), 1, up),
                            (abs(p - corner), 2, corner))[2]
                line[x] = (line[x] + guess) & 255
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, step)])
        previous = line
    return width, height, rows


def is_blue(p):
    return p[2] > 150 and p[2] > p[0] + 90


def is_vermilion(p):
    return p[0] > 170 and p[0] > p[2] + 90 and 50 < p[1] < 170


def region(rows, left, top, right, bottom):
    return [p for row in rows[int(top):int(bottom)] for p in row[int(left):int(right)]]


PICTURE_RUNS = {
    "train-xor": ["train", "--data", "trask", "--layers", "3,4,1", "--iterations", "3000"],
    "gradient-descent": ["gradient-descent", "--iterations", "10001", "--alpha", "1",
                         "--alpha", "10"],
    "multi-layer": ["multi-layer", "--iterations", "3000"],
    "class-data": ["train", "--data", "exam", "--scale", "--hold-out", "4", "--ask", "6,7",
                   "--iterations", "3000"],
}


@pytest.mark.parametrize("kind", list(PICTURE_RUNS))
def test_a_browser_draws_each_kind_of_picture_within_the_window(kind, tmp_path):
    svg_path = str(tmp_path / "picture.svg")
    assert run_main(*PICTURE_RUNS[kind] + ["--svg", svg_path])[0] == 0
    width, height, rows = screenshot(svg_path, str(tmp_path / "picture.png"))
    assert (width, height) == (1024, 768)
    white = (255, 255, 255)
    # drawn: the title is dark; nothing runs off the edges
    assert any(sum(p) < 200 for p in region(rows, 10, 8, 400, 36))
    assert all(p == white for p in region(rows, 1020, 0, 1024, 768) + region(rows, 0, 765, 1024,
                                                                              768))
    root = svg_tree(open(svg_path, encoding="utf-8").read())
    for panel in groups(root, "network"):
        frame = elements(panel, "rect")[0]
        x, y = float(frame.get("x")), float(frame.get("y"))
        w, h = float(frame.get("width")), float(frame.get("height"))
        inside = region(rows, x + 5, y + 50, x + w - 5, y + h - 30)
        assert sum(map(is_blue, inside)) > 40 and sum(map(is_vermilion, inside)) > 40
        assert any(p != white for p in region(rows, x + w - 1, y + 100, x + w + 1, y + 300))
    frames = elements(root, "rect", "map-frame")
    if kind == "multi-layer":
        assert not frames
        return
    if kind == "class-data":  # the examples answered wrongly are yellow where the SVG puts them
        wrong = [m for m in elements(root, "circle", "example") + elements(root, "polygon",
                                                                          "held-out")
                 if m.get("fill") == pureneuron.WRONG_FILL]
        assert wrong
        for mark in wrong:
            if mark.get("cx"):
                x, y = float(mark.get("cx")), float(mark.get("cy"))
            else:
                x, y = map(float, mark.get("points").split()[1].split(","))
                x -= 15
            pixel = rows[int(y)][int(x - 8)]
            assert pixel[0] > 200 and pixel[1] > 200 and pixel[2] < 130, pixel
        return
    frame = frames[0]
    x, y, size = (float(frame.get(a)) for a in ("x", "y", "width"))
    # beside each corner, clear of the example's mark: the colour of the answer there
    fills = map_corners(root)
    spots = [(x + 20, y + size - 4), (x + size - 20, y + size - 4), (x + 20, y + 4),
             (x + size - 20, y + 4)]
    for fill, (sx, sy) in zip(fills, spots):
        pixel = rows[int(sy)][int(sx)]
        says_one = int(fill[5:7], 16) > int(fill[1:3], 16)
        assert (is_blue if says_one else is_vermilion)(pixel), (fill, pixel)


# --- limits: every accepted run is estimated at about a minute and a few hundred MB at most ---

class Accepted(Exception):
    """Raised in place of training, once the command line has accepted a run's estimate."""


def estimate_accepted(monkeypatch, *argv):
    """Run main(argv) up to its limit check, which must pass; return (seconds, bytes) estimated."""
    check_run = pureneuron.check_run

    def check_then_stop(seconds, memory=0, **advice):
        check_run(seconds, memory, **advice)  # raises InputError when over a limit
        raise Accepted(seconds, memory)
    monkeypatch.setattr(pureneuron, "check_run", check_then_stop)
    with pytest.raises(Accepted) as accepted:
        run_main(*argv)
    return accepted.value.args


def rows_file(tmp_path, rows, inputs):
    """A CSV file of `rows` examples of `inputs` 0/1 inputs and a target, as a class might bring."""
    rng = random.Random(0)
    lines = [",".join(str(rng.randint(0, 1)) for _ in range(inputs + 1)) for _ in range(rows)]
    return write_data(tmp_path, "\n".join(lines) + "\n", "class.csv")


@pytest.mark.parametrize("argv, mentions", [
    (["--iterations", "1000000"], ["this run would take about", "about a minute"]),
    (["three-layer", "--trace", "--iterations", "1000000"], ["about a minute"]),
    (["gradient-descent", "--hidden", "32"] + ["--alpha", "1"] * 20, ["about a minute"]),
    (["gradient-descent", "--hidden", "32", "--trace"], ["about a minute"]),
    (["bench", "--runs", "100", "--iterations", "1000000"], ["hours", "runs or iterations"]),
    (["bench", "--iterations", "100000"], ["about a minute"]),
    (["train", "--layers", "3,1000,1", "--iterations", "100000"], ["minutes"]),
    # half a minute's training, and answers that take as long again
    (["train", "--layers", "3,1000,1000,1", "--iterations", "20"] + ["--ask", "1,0,0"] * 400,
     ["about a minute"]),
])
def test_a_run_estimated_over_a_minute_is_refused_before_it_starts(argv, mentions):
    assert_one_line_error(*run_main(*argv), *mentions)


@pytest.mark.parametrize("rows, inputs, argv", [
    (5000, 2, ["--layers", "2,1", "--iterations", "20000"]),      # a class's file, narrow network
    (100000, 1, ["--layers", "1,1", "--iterations", "2000"]),
    (1000, 10, ["--layers", "10,1000,1000,1", "--iterations", "1", "--table"]),
    (100, 2, ["--layers", "2,1", "--iterations", "200000", "--trace"]),
])
def test_a_long_training_on_a_file_is_refused_before_it_starts(tmp_path, rows, inputs, argv):
    path = rows_file(tmp_path, rows, inputs)
    assert_one_line_error(*run_main("train", "--data", path, *argv), "about a minute")


@pytest.mark.parametrize("rows, layers", [(20000, "1,1000,1"), (2000, "1,1000,1"),
                                          (100000, "1,100,1")])
def test_a_run_over_a_few_hundred_mb_is_refused_before_it_starts(tmp_path, rows, layers):
    path = rows_file(tmp_path, rows, 1)
    assert_one_line_error(*run_main("train", "--data", path, "--layers", layers,
                                    "--iterations", "1"),
                          "of memory, over the limit of 300 MB", "fewer examples or neurons")


def test_a_command_line_of_too_many_words_is_refused_before_argparse_reads_it():
    # argparse's time grows with the square of the options given
    assert_one_line_error(*run_main("train", *["--ask", "1,0,0"] * 501), "1003 words", "1000")


def test_the_posts_programs_at_their_own_settings_are_within_the_limits():
    for program in pureneuron.PROGRAMS:
        settings = pureneuron.settings_for(pureneuron.look_up(program.function), {})
        for trace in (False, True):
            seconds = pureneuron.program_seconds(program.network,
                                                 settings, trace)
            assert 0 < seconds < pureneuron.MAX_SECONDS, (program.name, trace, seconds)
    settings = pureneuron.settings_for(pureneuron.gradient_descent,
                                       {"hidden_size": 32, "directions": True})
    assert pureneuron.program_seconds(pureneuron.PROGRAMS[-1].network,
                                      settings) < pureneuron.MAX_SECONDS


@pytest.mark.parametrize("argv", [
    [], ["--trace"], ["gradient-descent", "--hidden", "32"], ["gradient-descent", "--directions"],
    ["gradient-descent", "--hidden", "32", "--directions"], ["three-layer", "--trace"],
    ["gradient-descent", "--trace"], ["bench"], ["train"], ["train", "--data", "xor", "--trace"],
    ["train", "--iterations", "1000000", "--layers", "3,1"],
    ["train", "--iterations", "1000000", "--every", "1", "--plot", "--layers", "3,1"],
    ["train", "--layers", "3,1000,1000,1", "--iterations", "20"],
])
def test_the_posts_runs_and_small_ones_are_accepted(monkeypatch, argv):
    seconds, memory = estimate_accepted(monkeypatch, *argv)
    assert 0 < seconds <= pureneuron.MAX_SECONDS and memory <= pureneuron.MAX_BYTES


def test_gradient_descent_is_limited_per_run_not_per_alpha(monkeypatch):
    one, _ = estimate_accepted(monkeypatch, "gradient-descent", "--hidden", "32", "--alpha", "1")
    seven, _ = estimate_accepted(monkeypatch, "gradient-descent", "--hidden", "32")
    assert seven == pytest.approx(7 * one)


def test_the_estimate_counts_trace_asks_table_and_every(monkeypatch):
    base = ["train", "--data", "trask", "--layers", "3,50,1", "--iterations", "100"]
    plain, memory = estimate_accepted(monkeypatch, *base)
    for extra in (["--trace"], ["--ask", "1,0,0"], ["--table"], ["--every", "1"]):
        seconds, more_memory = estimate_accepted(monkeypatch, *base + extra)
        assert seconds > plain and more_memory >= memory, extra
    traced, _ = estimate_accepted(monkeypatch, *base + ["--trace"])
    assert traced >= pureneuron.TRACE_SLOWDOWN * plain


def test_limits_are_stated_in_words_in_help_and_readme():
    status, out, err = run_main("--help")
    help_text = " ".join(out.split())
    assert "about a minute" in help_text and "a few hundred MB" in help_text
    readme = " ".join(readme_text().split())
    assert "about a minute" in readme and "a few hundred MB" in readme
    assert "bench_limits.py" in readme


def test_the_public_surface_is_what_a_notebook_gets_from_a_star_import():
    namespace = {}
    exec("from pureneuron import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(pureneuron.__all__)
    assert {"three_layer", "train_network", "numpy_str", "picture", "main"} <= set(namespace)
    assert all(callable(namespace[name]) for name in pureneuron.__all__ if name != "DATASETS")


def test_no_name_is_both_a_function_and_a_variable():
    tree = ast.parse(source_text())
    functions = {node.name for node in ast.walk(tree)
                 if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    functions -= {"error", "train"}  # argparse's Parser.error; the posts' train methods
    variables = {node.id for node in ast.walk(tree)
                 if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store)}
    variables |= {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}
    assert not functions & variables


def test_every_import_is_at_the_top_of_the_file():
    tree = ast.parse(source_text())
    nested = [node.lineno for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
              and node not in tree.body]
    assert not nested, "imports inside functions, at lines %s" % nested
    kinds = [isinstance(node, (ast.Import, ast.ImportFrom)) for node in tree.body[1:]]  # after the docstring
    assert kinds[:kinds.index(False)] == [True] * kinds.index(False) and not any(
        kinds[kinds.index(False):]), "an import after the first statement that is not one"


def test_several_alphas_share_one_terminal_plot_with_a_mark_and_a_legend_each():
    status, out, err = run_main("train", "--data", "xor", "--layers", "2,4,1", "--bias",
                                "--iterations", "3000", "--alpha", "0.1", "--alpha", "10",
                                "--plot")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    plot = lines[lines.index(next(line for line in lines
                                  if line.startswith("Mean absolute error by iteration"))):]
    assert plot[-1].split() == ["1", "alpha", "0.1", "2", "alpha", "10"]
    body = [line[11:] for line in plot[1:16]]
    # alpha 10 falls faster: at the right end its mark is below alpha 0.1's
    end = [next(r for r, line in enumerate(body) if len(line) > c and line[c] == mark)
           for mark, c in (("1", 59), ("2", 59))]
    assert end[0] < end[1]
    status, out, err = run_main("gradient-descent", "--iterations", "20001", "--plot")
    assert (status, err) == (0, "") and "7 alpha 1000" in out.splitlines()[-1]


# ============================================================================
# Part I as a learner reads it: the header's commands, the glossary, and what
# the helpers and check_settings say when handed the wrong thing
# ============================================================================

def header_commands():
    """The `python3 pureneuron.py ...` lines of the module docstring, each as its words."""
    return [shlex.split(line.split("#")[0])[2:] for line in pureneuron.__doc__.split("\n")
            if line.strip().startswith("python3 pureneuron.py")]


def test_every_command_the_header_shows_runs():
    commands = header_commands()
    assert len(commands) == 4 and [] in commands and ["train"] == commands[-1][:1]
    for words in commands:  # two iterations each: the command line, not the training
        status, out, err = run_main(*words, "--iterations", "2")
        assert (status, err) == (0, "") and out, words


def test_the_glossary_names_the_posts_loop_and_layer_names():
    glossary = pureneuron.__doc__.split("Glossary")[1]
    for name in ["l1_error", "l1_delta", "j", "iter", "iteration", "answer", "hidden_state",
                 "output_from_layer_1", "output_from_layer1", "layer1_error", "NeuronLayer",
                 "synapse_0_weight_update", "prev_synapse_0_weight_update",
                 "synapse_0_direction_count", "output", "error", "adjustment"]:
        assert re.search(r"(?<![\w.])%s\b" % name, glossary), name
    # the playground's errors are pairs, handed to on_error, not printed
    errors = pureneuron.train_network(TRASK_X, TRASK_3LAYER_Y, [3, 4, 1], iterations=3,
                                      every=2)["errors"]
    assert [iteration for iteration, error in errors] == [0, 2]


@pytest.mark.parametrize("argv, mentions", [
    (["train", "--alpha", "1e300"], ["expected a number below 1e300 in size (not inf or nan), "
                                     "got '1e300'"]),
    (["train", "--alpha", "nan"], ["below 1e300", "got 'nan'"]),
    (["two-layer", "--iterations", "9" * 200], ["expected a whole number of at most 100 "
                                                 "characters"]),
])
def test_a_number_out_of_reach_is_refused_saying_what_the_limit_is(argv, mentions):
    assert_one_line_error(*run_main(*argv), *mentions)


def stops_in_its_first_iteration(iterations=3):
    """A loop a learner cut short with a break: the trace shows the iteration it stopped in."""
    total = 0
    for j in range(iterations):
        total = total + 1
        break
    return total


def test_trace_shows_a_loop_that_stops_in_its_first_iteration():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pureneuron.tracing(stops_in_its_first_iteration):
        stops_in_its_first_iteration()
    assert out.getvalue() == "--- iteration 0 ---\ntotal:\n1\n"


def test_a_flat_list_tuple_rows_or_a_ragged_row_get_advice_that_fits():
    with pytest.raises(TypeError) as raised:  # a flat y: both ways to write it, and it fits
        pureneuron.subtract([0, 1, 1, 0], [[0.5]] * 4)
    assert str(raised.value) == ("a matrix is a list of rows: write [[0, 1, 1, 0]] for one row, "
                                 "or [[0], [1], [1], [0]] for a column (one answer a row), "
                                 "not [0, 1, 1, 0]")
    assert pureneuron.subtract([[0], [1], [1], [0]], [[0.5]] * 4) == [[-0.5], [0.5], [0.5], [-0.5]]
    with pytest.raises(TypeError, match=r"^a matrix's rows are lists, in \[ \], not tuples: "
                                        r"got \[\(0, 0, 1\), \(0, 1, 1\)\]$"):
        pureneuron.dot([(0, 0, 1), (0, 1, 1)], [[1]] * 3)
    with pytest.raises(ValueError, match="^a ragged matrix: row 0 has 3 entries but row 2 has 2$"):
        pureneuron.transpose([[0, 0, 1], [0, 1, 1], [1, 0]])


def test_dot_refuses_a_number_or_a_string_for_its_second_matrix_naming_it():
    for second, words in [(5, "got an int: 5"), ("ab", "got a str: 'ab'"), ((1,), "a tuple")]:
        with pytest.raises(TypeError) as raised:
            pureneuron.dot([[1, 2]], second)
        assert words in str(raised.value)


@pytest.mark.parametrize("a, b, hint", [
    ([[1, 2, 3]] * 4, [[1, 1, 1, 1]] * 3, None),  # fits: no error
    ([[1, 2, 3]] * 4, [[1]] * 4, "; if a transpose is missing, dot(transpose(first), second) "
                                 "would fit"),
    ([[1, 2, 3]], [[1, 2, 3]] * 2, "; if a transpose is missing, dot(first, transpose(second)) "
                                   "would fit"),
    ([[1]] * 4, [[1]] * 4, "; if a transpose is missing, dot(transpose(first), second) or "
                           "dot(first, transpose(second)) would fit"),
    ([[1, 2]], [[1], [2], [3]], "(3)"),  # nothing fits: the message ends at the rows
])
def test_dots_mismatch_says_which_transpose_would_fit(a, b, hint):
    if hint is None:
        assert pureneuron.dot(a, b) == [[6, 6, 6, 6]] * 4
        return
    with pytest.raises(ValueError) as raised:
        pureneuron.dot(a, b)
    assert str(raised.value).endswith(hint)
    if "would fit" in hint:  # and it does
        first = pureneuron.transpose(a) if "transpose(first)" in hint else a
        second = b if "transpose(first)" in hint else pureneuron.transpose(b)
        pureneuron.dot(first, second)


@pytest.mark.parametrize("a, b", [([[1, 2], [3]], [[1, 2], [3, 4]]),
                                  ([[1, 2], [3, 4]], [[1, 2], [3]])])
def test_entry_by_entry_a_ragged_matrix_is_called_ragged(a, b):
    for helper in (pureneuron.add, pureneuron.subtract, pureneuron.multiply):
        with pytest.raises(ValueError, match="^a ragged matrix: row 0 has 2 entries but row 1 "
                                             "has 1$"):
            helper(a, b)


def test_entries_meet_pythons_own_arithmetic_unchecked():
    assert pureneuron.multiply(2, [["ab"]]) == [["abab"]]
    with pytest.raises(TypeError):
        pureneuron.multiply(2, [[None]])


def test_exp_or_inf_gives_numpys_answers_where_math_exp_overflows():
    assert pureneuron.exp_or_inf(800) == math.inf
    assert pureneuron.exp_or_inf(-10 ** 400) == 0.0
    assert pureneuron.exp_or_inf(1) == math.exp(1)


@pytest.mark.parametrize("settings, error, words", [
    (dict(alphas=0.5), TypeError, "alphas must be a list or a tuple of numbers, like (0.5,) "
                                  "for one, got a float: 0.5"),
    (dict(alphas="0.5"), TypeError, "got a str: '0.5'"),
    (dict(alphas=[0.5, "1"]), TypeError, "alpha must be a number, got a str: '1'"),
    (dict(alphas=[0.5, 0]), ValueError, "alpha must be a number above 0"),
    (dict(layers=[3]), ValueError, "like [3, 4, 1], got [3]"),
    (dict(layers=()), ValueError, "got []"),
    (dict(layers=3), TypeError, "layers must be a list of sizes, like [3, 4, 1], got an int: 3"),
    (dict(layers="341"), TypeError, "got a str: '341'"),
])
def test_check_settings_says_a_wrong_kind_is_a_type_error_and_a_wrong_value_a_value_error(
        settings, error, words):
    with pytest.raises(error) as raised:
        pureneuron.check_settings(**settings)
    assert type(raised.value) is error and words in str(raised.value)
    pureneuron.check_settings(alphas=[0.5, 1], layers=(3, 1))  # a list or a tuple, either


def test_gradient_descent_refuses_one_alpha_not_in_a_list_before_printing():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(TypeError, match="alphas must be a list"):
        pureneuron.gradient_descent(alphas=0.5, iterations=1)
    assert out.getvalue() == ""


def test_a_numpy_array_of_several_rows_is_named_on_one_line():
    np = pytest.importorskip("numpy")
    with pytest.raises(TypeError) as raised:
        pureneuron.multiply([[1.0, 2.0], [3.0, 4.0]], np.array([[1.0, 2.0], [3.0, 4.0]]))
    assert "got a numpy.ndarray: array([[1., 2.], [3., 4.]])" in str(raised.value)


# ============================================================================
# The class's own data, from the command line: loaded networks drawn, the
# answer table on scaled inputs, the --scale hint, round plot ticks, names
# ============================================================================

def test_the_alphas_heading_names_answers_only_when_asked():
    settings = ["train", "--data", "xor", "--layers", "2,1", "--iterations", "10",
                "--alpha", "1", "--alpha", "2"]
    out = run_main(*settings)[1]
    assert "Mean absolute error and right-counts, one column" in out and "answers" not in out
    out = run_main(*settings, "--ask", "1,0")[1]
    assert "Mean absolute error, right-counts and answers, one column" in out
    assert re.search(r"\n1,0 +0\.\d{8} +0\.\d{8}\n", out)


def test_the_plot_marks_round_iterations_under_their_columns():
    errors = [(k, 0.5 - k / 30000) for k in range(0, 10000, 17)]
    lines = pureneuron.error_plot([("error", errors)])
    ticks = lines[-2]
    assert ticks.split() == ["0", "2000", "4000", "6000", "8000"]
    # each number centred on the column its iteration is drawn in
    last = errors[-1][0]
    for word in ticks.split()[1:]:
        column = round(int(word) / last * 59)
        start = ticks.index(word) - 11
        assert start <= column < start + len(word)
    assert pureneuron.error_plot([("error", [(0, 0.5)])])[-2].split() == ["0"]


def test_the_answer_table_is_for_inputs_of_0_and_1(tmp_path):
    for scale in [(), ("--scale",)]:
        assert_one_line_error(*run_main("train", "--data", "exam", "--table", *scale),
                              "--table", "like 8", "--ask")
    # scaled 0/1 inputs are the same 0/1 inputs: the table and its note stand
    out = run_main("train", "--data", "xor", "--layers", "2,1", "--iterations", "20",
                   "--table", "--scale")[1]
    assert out.endswith("All zeros give 0.5: weights times 0 add up to 0; sigmoid(0) = 0.5. "
                        "Try --bias.\n")
    # a constant input scaled maps 1 to 0 and 0 to -1: all zeros are not zeros there
    out = run_main("train", "--data", "trask", "--layers", "3,1", "--iterations", "20",
                   "--table", "--scale")[1]
    assert "Scaled to 0..1: input 1 0..1, input 2 0..1, input 3 1..1\n" in out
    assert "0 0 0   " in out and "All zeros" not in out
    path = str(tmp_path / "exam.json")
    assert run_main("train", "--data", "exam", "--scale", "--iterations", "20",
                    "--save", path)[0] == 0
    assert_one_line_error(*run_main("train", "--load", path, "--table"), "like 8")


def test_the_listing_names_each_example_by_its_left_out_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_data(tmp_path, class_file(), "class.csv")
    out = run_main("train", "--data", "class.csv", "--skip", "name", "--scale", "--bias",
                   "--iterations", "300", "--hold-out", "2")[1]
    kept = pureneuron.read_examples("class.csv", ["name"])
    assert kept.names == [name for name, *_ in CLASS_ROWS] and kept.names_heading == "name"
    trained, held = pureneuron.hold_out(kept, 2, 1)
    listed = [line.split()[0] for line in out.splitlines()
              if line.endswith((", right", ", wrong"))]
    assert listed == trained.names + held.names and sorted(listed) == sorted(kept.names)
    assert out.count("\nname  inputs ") == 2
    # by number, with no header: the column's cells, under "example"
    write_data(tmp_path, "".join("%s,%s,%s,%s\n" % (len(name) * "x" * 5, s, h, p)
                                 for name, s, h, p in CLASS_ROWS), "plain.csv")
    out = run_main("train", "--data", "plain.csv", "--skip", "1", "--iterations", "10")[1]
    assert "\nexample           inputs  " in out and "\nxxxxxxxxxxxxx...  2 9     " in out
    # without --skip, no names
    assert "\ninputs  target" in run_main("train", "--data", "xor", "--iterations", "10")[1]


def test_a_loaded_network_is_drawn_and_check_and_plot_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_data(tmp_path, class_file(), "class.csv")
    status, out, err = run_main("train", "--data", "class.csv", "--skip", "name", "--scale",
                                "--iterations", "300", "--seed", "3", "--alpha", "2",
                                "--save", "net.json")
    assert (status, err) == (0, "")
    with open("net.json") as file:
        assert json.load(file)["training"] == {"data": "class.csv", "iterations": 300,
                                               "alpha": 2, "seed": 3}
    status, out, err = run_main("train", "--load", "net.json", "--ask", "5,6", "--svg", "n.svg",
                                "--map", "--test", "class.csv", "--skip", "name")
    assert (status, err) == (0, "")
    assert out.startswith("Network: net.json, layers 2,4,1; trained on class.csv for 300 "
                          "iterations, alpha 2, seed 3\n")
    assert "\nWhat the network answers across" in out and out.endswith("Picture written to n.svg\n")
    with open("n.svg", encoding="utf-8") as file:
        svg = file.read()
    assert "class.csv" in svg and "300 iterations, alpha 2" in svg
    # without --test there are no examples to map
    out = run_main("train", "--load", "net.json", "--map")[1]
    assert out.endswith("No map: the data it trained on is not known here.\n")
    for option in ["--check", "--plot"]:
        assert_one_line_error(*run_main("train", "--load", "net.json", option), option)
    assert sorted(os.listdir(".")) == ["class.csv", "n.svg", "net.json"]


LOADED_TRAINING = [("no training", None, "--svg draws a network saved with how it trained"),
                   ("a list", [1], "\"training\""),
                   ("text iterations", {"data": "x", "iterations": "3", "alpha": 1, "seed": 1},
                    "\"training\""),
                   ("alpha 0", {"data": "x", "iterations": 3, "alpha": 0, "seed": 1},
                    "\"training\""),
                   ("a long name", {"data": "x" * 201, "iterations": 3, "alpha": 1, "seed": 1},
                    "\"training\"")]


@pytest.mark.parametrize("why, training, message", LOADED_TRAINING,
                         ids=[case[0] for case in LOADED_TRAINING])
def test_a_loaded_network_without_its_training_is_not_drawn(tmp_path, why, training, message):
    path = write_data(tmp_path, changed(training=training) if training else changed(),
                      "net.json")
    assert_one_line_error(*run_main("train", "--load", path, "--svg",
                                    str(tmp_path / "n.svg")), message)
    assert os.listdir(str(tmp_path)) == ["net.json"]


# ============================================================================
# Pictures for a class: the data's own units, held-out and wrong examples,
# curves that end where training ended, text that fits
# ============================================================================

def exam_picture(tmp_path, *extra):
    path = str(tmp_path / "exam.svg")
    status, out, err = run_main("train", "--data", "exam", "--scale", "--iterations", "3000",
                                "--svg", path, *extra)
    assert (status, err) == (0, "")
    return svg_tree(open(path, encoding="utf-8").read()), out


def test_the_map_speaks_the_datas_units_and_names(tmp_path):
    root, out = exam_picture(tmp_path, "--ask", "6,7")
    texts = [t.text for t in elements(root, "text")]
    assert "Circles: each neuron's output, white for 0 to black for 1, for studied 6, slept 7" \
        in texts
    in_map = [t.text for t in elements(groups(root, "map")[0], "text")]
    # the axes run over the data's range (studied 1..8 h, slept 3..9 h), named by its header
    assert {"studied", "slept", "1", "8", "3", "9"} <= set(in_map)
    assert any("1\u00a0=\u00a0pass, 0\u00a0=\u00a0fail" in (t or "") for t in in_map)
    marks = elements(root, "circle", "example")
    assert len(marks) == 16
    assert all(tooltip_of(m).startswith("trained on studied ") for m in marks)
    new = elements(root, "rect", "new-situation")
    assert len(new) == 1 and tooltip_of(new[0]).startswith("new situation studied 6, slept 7:")


def test_held_out_examples_are_diamonds_and_wrong_answers_are_yellow(tmp_path):
    root, out = exam_picture(tmp_path, "--hold-out", "4")
    trained, held = elements(root, "circle", "example"), elements(root, "polygon", "held-out")
    assert (len(trained), len(held)) == (12, 4)
    table = pureneuron.DATASETS["exam"]
    scaling = pureneuron.scaling_of(table.X)
    for mark in trained + held:
        # the tooltip's situation, in hours, answered again by a network trained here
        words = re.match(r"(?:trained on|not trained on) studied (\S+), slept (\S+): target "
                         r"(pass|fail), answer (\d\.\d{8}), (right|wrong)$", tooltip_of(mark))
        assert words, tooltip_of(mark)
        answer, target = float(words.group(4)), words.group(3) == "pass"
        assert (words.group(5) == "wrong") == ((answer >= 0.5) != target)
        assert (mark.get("fill") == pureneuron.WRONG_FILL) == (words.group(5) == "wrong")
    kept, held_table = pureneuron.hold_out(table, 4, 1)
    result = pureneuron.train_network(pureneuron.scaled(kept.X, scaling), kept.y, [2, 4, 1],
                                      iterations=3000)
    result["scaling"] = scaling
    answers = sorted("%.8f" % pureneuron.network_answer(result, row) for row in held_table.X)
    assert sorted(re.search(r"answer (\S+),", tooltip_of(m)).group(1) for m in held) == answers
    # the right-count printed and the picture agree
    wrong_in_print = out.count(", wrong")
    assert wrong_in_print == sum(m.get("fill") == pureneuron.WRONG_FILL for m in trained + held)


def test_the_curve_ends_with_the_error_of_the_final_weights():
    result = trained_xor(2550)  # noted every 100: the last at 2,500
    net = pureneuron.network_of(result, XOR_X, XOR_Y, iterations=2550)
    iteration, error = net.curves[0][1][-1]
    outputs = [1 / (1 + math.exp(-sum(h * w[0] for h, w in zip(
        [1 / (1 + math.exp(-sum(x * w for x, w in zip(row, column))))
         for column in zip(*result["weights"][0])], result["weights"][1]))))
        for row in XOR_X]
    assert iteration == 2550
    assert error == pytest.approx(sum(abs(t[0] - o) for t, o in zip(XOR_Y, outputs)) / 4,
                                  rel=1e-12)
    root = svg_tree(pureneuron.picture(net))
    ticks = [t.text for t in elements(groups(root, "errors")[0], "text")
             if t.get("text-anchor") == "middle"]
    assert ticks[-3:-1] == ["2,550", "iterations"]  # the axis ends where training did
    # in a notebook, picture(train_network(...), X, y) needs no iterations: the result has them
    assert pureneuron.network_of(result, XOR_X, XOR_Y).curves[0][1][-1] == (iteration, error)


def test_curves_on_top_of_one_another_are_dashed_apart_with_their_last_errors():
    printed, results = printed_and_returned(pureneuron.gradient_descent, iterations=20001)
    root = svg_tree(pureneuron.picture(pureneuron.program_network(
        pureneuron.gradient_descent, results, iterations=20001)))
    curves = groups(root, "curve")
    by_alpha = {tooltip_of(c).split(":")[0]: c.get("stroke-dasharray") for c in curves}
    # alpha 0.001 barely moves from 0.5 in 20,000 iterations; alpha 1000 sits at 0.5
    assert by_alpha["alpha 0.001"] != by_alpha["alpha 1000"]
    assert by_alpha["alpha 10"] == "none"
    legend = [t.text for t in elements(groups(root, "errors")[0], "text")]
    for result in results:
        net = pureneuron.network_of(result)
        answers = pureneuron.forward(net.weights, net.X)[-1]
        final = sum(abs(t[0] - a[0]) for t, a in zip(net.y, answers)) / len(net.y)
        assert "alpha %s: %.3g" % (pureneuron.python2_str(result["alpha"]), final) in legend
    texts = " ".join(t.text or "" for t in elements(root, "text"))
    assert "every 10,000 iterations, and at the end" in texts


def test_the_title_fits_the_width_and_long_file_names_are_shortened(tmp_path):
    path = write_data(tmp_path, "a,b,t\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n",
                      "the classes very own spreadsheet of examples.csv")
    svg = str(tmp_path / "x.svg")
    assert run_main("train", "--data", path, "--iterations", "300", "--alpha", "0.1",
                    "--alpha", "1", "--alpha", "10", "--bias", "--svg", svg)[0] == 0
    root = svg_tree(open(svg, encoding="utf-8").read())
    for text in elements(root, "text"):
        x, size = float(text.get("x")), float(text.get("font-size"))
        if text.get("text-anchor") == "start" and not text.get("transform"):
            assert x + pureneuron.text_width(text.text, size) <= 1024, text.text
        assert size >= 14, text.text
    title = elements(root, "text")[0].text
    assert str(tmp_path) not in title and "..." in title and "alpha 0.1, 1, 10" in title


def test_a_program_without_noted_errors_shows_each_answer_and_the_posts_question():
    printed, result = printed_and_returned(pureneuron.nine_lines)
    root = svg_tree(pureneuron.picture(pureneuron.program_network(pureneuron.nine_lines,
                                                                  result)))
    assert not groups(root, "errors")
    texts = [t.text for t in elements(groups(root, "answers")[0], "text")]
    assert "1, 0, 0" in texts and "0.99993704" in texts  # the post's question and answer
    assert "No errors were noted" not in " ".join(t.text or "" for t in elements(root, "text"))


def test_layer_names_are_in_a_font_where_l_and_capital_i_differ():
    root = svg_tree(pureneuron.picture(trained_xor(10)))
    names = [t for t in elements(root, "text") if t.text in ("l0", "l1", "l2")]
    assert len(names) == 6 and all(t.get("font-family") == "monospace" for t in names)


def test_a_zig_zagging_error_is_captioned(tmp_path):
    path = str(tmp_path / "exam.svg")
    assert run_main("train", "--data", "exam", "--scale", "--svg", path)[0] == 0
    texts = " ".join(t.text or "" for t in elements(svg_tree(open(path).read()), "text"))
    assert "zig-zags" in " ".join(texts.split())
    calm = " ".join(t.text or "" for t in elements(svg_tree(pureneuron.picture(trained_xor())),
                                                  "text"))
    assert "zig-zags" not in calm


def test_check_names_the_bias_rows():
    status, out, err = run_main("train", "--data", "and", "--layers", "2,2,1", "--bias",
                                "--iterations", "1", "--check")
    named = [line.split()[0] for line in out.splitlines() if " bias " in line
             and re.match(r"syn\d\[", line)]
    assert named == ["syn0[2][0]", "syn0[2][1]", "syn1[2][0]"]


@pytest.mark.parametrize("option", ["--save", "--load", "--test", "--svg", "--data"])
def test_an_empty_file_name_is_refused_not_ignored(option):
    assert_one_line_error(*run_main("train", option, ""), "''")


@pytest.mark.parametrize("given", [["--seed", "0"], ["--iterations", "0"], ["--every", "0"],
                                   ["--save", ""], ["--data", ""]])
def test_load_refuses_a_training_option_even_given_as_zero_or_empty(tmp_path, given):
    path = str(tmp_path / "net.json")
    assert run_main("train", "--iterations", "5", "--save", path)[0] == 0
    assert_one_line_error(*run_main("train", "--load", path, *given), given[0])


# ============================================================================
# Pictures that hold up with a class's own data: long and wide names, many
# inputs, many examples, many alphas, crowded values, a network that stalled
# ============================================================================

def class_picture(tmp_path, text, *extra, name="class.csv"):
    """The SVG that train draws for a data file of this text, parsed, and what train printed."""
    path = write_data(tmp_path, text, name)
    svg = str(tmp_path / "class.svg")
    status, out, err = run_main("train", "--data", path, "--svg", svg, *extra)
    assert (status, err) == (0, ""), err
    return svg_tree(open(svg, encoding="utf-8").read()), out


def test_chinese_characters_are_measured_a_whole_font_size_wide(tmp_path):
    assert pureneuron.text_width("\u5b66\u4e60\u65f6\u95f4", 20) == 80
    assert pureneuron.text_width("ab\u5b66", 10) == pytest.approx(2 * 5.6 + 10)
    name = ("\u6bcf\u5929\u5b66\u4e60\u7684\u5c0f\u65f6\u6570"
            "\uff08\u8003\u8bd5\u524d\u4e00\u5468\uff09")  # hours of study a day (the week before)
    rows = "".join("%d,%d,%d\n" % (a, b, (a + b) > 6) for a in range(6) for b in range(3, 7))
    root, _ = class_picture(tmp_path, name + ",sleep,passed\n" + rows, "--iterations", "10")
    frame = elements(root, "rect", "map-frame")[0]
    axis = [t for t in elements(groups(root, "map")[0], "text")
            if t.text.startswith(name[0]) and not t.get("transform")][0]
    # the label under the map is shortened to the map's width, less room for its end ticks
    assert axis.text.endswith("...") and axis.text[:-3] in name
    assert pureneuron.text_width(axis.text, float(axis.get("font-size"))) <= \
        float(frame.get("width")) - 60


LONG_NAMES = ("Average daily hours of study in the week before the exam",
              "Average hours of sleep per night in the week before the exam")


def test_long_column_names_are_shortened_and_leave_the_network_its_panel(tmp_path):
    rows = "".join("%d,%d,%s\n" % (a, b, "yes" if a + b > 12 else "no")
                   for a in range(1, 9) for b in (4, 6, 9))
    root, _ = class_picture(tmp_path, "%s,%s,passed\n" % LONG_NAMES + rows, "--scale",
                            "--bias", "--iterations", "300")
    panel = groups(root, "network")[1]
    frame = elements(panel, "rect")[0]
    left, top = float(frame.get("x")), float(frame.get("y"))
    right, bottom = left + float(frame.get("width")), top + float(frame.get("height"))
    for circle in elements(panel, "circle", "neuron"):
        x, y, r = (float(circle.get(a)) for a in ("cx", "cy", "r"))
        assert left <= x - r and x + r <= right and top <= y - r and y + r <= bottom
    names = [t for t in elements(panel, "text") if tooltip_of(t) in LONG_NAMES]
    assert len(names) == 2
    for name in names:
        assert name.text.endswith("...") and tooltip_of(name).startswith(name.text[:-3])
        assert float(name.get("x")) - pureneuron.text_width(name.text, 18) >= left
    layers = [float(t.get("x")) for t in elements(panel, "text") if t.text in ("l0", "l1", "l2")]
    assert layers == sorted(layers) and layers[1] - layers[0] > 100


def test_with_three_inputs_each_answer_shows_its_values_under_the_inputs_names(tmp_path):
    rows = [(4, 7, 1, "pass"), (2, 7, 1, "fail"), (6, 4, 0, "pass"), (1, 9, 0, "fail")]
    text = "name,studied,slept,breakfast,passed\n" + "".join(
        "P%d,%d,%d,%d,%s\n" % ((n,) + row) for n, row in enumerate(rows))
    root, _ = class_picture(tmp_path, text, "--skip", "1", "--scale", "--iterations", "100")
    panel = groups(root, "answers")[0]
    texts = [t.text for t in elements(panel, "text")]
    assert "inputs: studied, slept, breakfast" in texts
    assert ["%d, %d, %d" % row[:3] for row in rows] == [
        t for t in texts if re.match(r"\d, \d, \d$", t)]
    for text in elements(panel, "text")[2:]:  # the table, under its heading and no-map reason
        assert float(text.get("x")) + pureneuron.text_width(text.text, float(
            text.get("font-size"))) <= 410, text.text  # within its 400 px panel


def spread_rows(count):
    """count examples spread over studied 0..10 h and slept 3..10 h, passed when both are high."""
    rng = random.Random(5)
    rows = [(round(rng.uniform(0, 10), 1), round(rng.uniform(3, 10), 1)) for _ in range(count)]
    return "studied,slept,passed\n" + "".join(
        "%s,%s,%s\n" % (a, b, "yes" if a + b > 11 else "no") for a, b in rows)


def test_many_examples_are_small_dots_in_their_targets_colour_inside_the_map(tmp_path):
    root, _ = class_picture(tmp_path, spread_rows(60), "--scale", "--iterations", "300")
    area = groups(root, "map")[0]
    frame = elements(area, "rect", "map-frame")[0]
    left, top, size = (float(frame.get(a)) for a in ("x", "y", "width"))
    dots = elements(area, "circle", "example")
    assert len(dots) == 60
    colours = {pureneuron.answer_colour(0), pureneuron.answer_colour(1)}
    for dot in dots:
        x, y, r = (float(dot.get(a)) for a in ("cx", "cy", "r"))
        assert r <= 5 and dot.get("fill") in colours
        assert left <= x <= left + size and top <= y <= top + size
        target = re.search(r"target (yes|no)", tooltip_of(dot)).group(1)
        assert dot.get("fill") == pureneuron.answer_colour(target == "yes")
    # no target written on them; each cut off where the map ends
    assert not [t for t in elements(area, "text") if t.text in ("0", "1") and
                top < float(t.get("y")) < top + size and left < float(t.get("x")) < left + size]
    clip = re.match(r"url\(#(.+)\)$", elements(area, "g", "examples")[0].get("clip-path"))
    rect = [c for c in elements(root, "clipPath") if c.get("id") == clip.group(1)][0][0]
    assert [float(rect.get(a)) for a in ("x", "y", "width", "height")] == [left, top, size, size]
    key = " ".join(t.text for t in elements(area, "text")).replace("\u00a0", " ")
    assert "dots: examples, blue = yes, vermilion = no" in key


def test_a_few_examples_are_still_circles_with_their_targets_written():
    root = svg_tree(pureneuron.picture(trained_xor(10), XOR_X, XOR_Y))
    marks = elements(root, "circle", "example")
    assert len(marks) == 4 and all(float(m.get("r")) == 12 for m in marks)


def test_thousands_of_examples_draw_some_and_say_how_many(tmp_path):
    root, _ = class_picture(tmp_path, spread_rows(1200), "--scale", "--iterations", "5")
    assert len(elements(root, "circle", "example")) == 400  # every 3rd
    key = " ".join(t.text for t in elements(groups(root, "map")[0], "text"))
    assert "1 in 3 of the 1,200 examples" in " ".join(key.split())


THREE_INPUTS = ("studied,slept,breakfast,passed\n4,7,1,pass\n2,7,1,fail\n2,4,1,fail\n"
                "0,9,1,fail\n6,4,1,fail\n5,7,0,fail\n7,4,0,fail\n3,4,0,fail\n7,6,1,pass\n"
                "8,6,1,pass\n1,8,1,fail\n4,4,1,fail\n1,5,1,fail\n8,8,1,pass\n")


def test_weight_values_that_would_cover_one_another_are_left_to_the_tooltip(tmp_path):
    root, _ = class_picture(tmp_path, THREE_INPUTS, "--scale", "--bias")
    panel = groups(root, "network")[1]
    boxes = [tuple(float(b.get(a)) for a in ("x", "y", "width", "height"))
             for b in elements(groups(panel, "weight-labels")[0], "rect")]
    circles = [tuple(float(c.get(a)) for a in ("cx", "cy", "r"))
               for c in elements(panel, "circle", "neuron")]
    assert 8 <= len(boxes) < len(weight_lines(panel))  # some values only on hover

    def apart(a, b):
        return a[0] + a[2] <= b[0] or b[0] + b[2] <= a[0] or a[1] + a[3] <= b[1] or \
            b[1] + b[3] <= a[1]
    for n, box in enumerate(boxes):
        assert all(apart(box, other) for other in boxes[n + 1:])
        assert all(apart(box, (x - r, y - r, 2 * r, 2 * r)) for x, y, r in circles)


def test_a_stalled_network_gets_no_boundary_line_but_a_caption_saying_so(tmp_path):
    rows = "".join("%d,%d,%s\n" % row for row in [
        (75, 21, "yes"), (141, 44, "yes"), (279, 5, "no"), (159, 43, "no"), (162, 19, "no"),
        (90, 5, "yes"), (76, 46, "yes"), (158, 30, "no"), (82, 46, "yes"), (24, 5, "yes"),
        (273, 25, "no"), (16, 15, "yes"), (176, 16, "no"), (233, 41, "no")])
    root, out = class_picture(tmp_path, "minutes,money,passed\n" + rows, "--iterations", "2000")
    area = groups(root, "map")[0]
    assert not elements(area, "path")
    caption = " ".join(" ".join(t.text for t in elements(area, "text")).split())
    assert "no line: the answer is 0.50 everywhere, training stalled; try --scale" in caption
    # the same data scaled: a network that learns, and its line
    root, out = class_picture(tmp_path, "minutes,money,passed\n" + rows, "--iterations", "2000",
                              "--scale")
    assert elements(groups(root, "map")[0], "path")


def test_twenty_alphas_each_have_a_curve_of_their_own_and_a_legend_that_fits(tmp_path):
    alphas = ["0.01", "0.02", "0.03", "0.05", "0.1", "0.2", "0.3", "0.5", "1", "2", "3", "5",
              "10", "20", "30", "50", "100", "200", "300", "500"]
    svg = str(tmp_path / "alphas.svg")
    status, out, err = run_main("train", "--data", "xor", "--layers", "2,3,1", "--iterations",
                                "200", "--svg", svg, *[a for alpha in alphas
                                                       for a in ("--alpha", alpha)])
    assert (status, err) == (0, "")
    root = svg_tree(open(svg, encoding="utf-8").read())
    chart = groups(root, "errors")[0]
    styles = [(c.get("stroke"), c.get("stroke-dasharray")) for c in groups(chart, "curve")]
    assert len(styles) == 20 and len(set(styles)) == 20
    legend = [t for t in elements(chart, "text") if re.match(r"[\d.]+: ", t.text)]
    assert sorted(t.text.split(":")[0] for t in legend) == sorted(alphas)
    for text in elements(chart, "text"):
        assert float(text.get("y")) <= 768 - 4, text.text
        assert float(text.get("x")) + pureneuron.text_width(
            text.text, float(text.get("font-size"))) <= 1024, text.text
    title = elements(root, "text")[0].text
    assert title.endswith("20 alphas from 0.01 to 500") and "..." not in title


def test_the_map_widens_to_show_a_situation_asked_outside_the_data(tmp_path):
    test = write_data(tmp_path, "studied,slept,passed\n6,7,pass\n2,4,fail\n", "test.csv")
    root, _ = exam_picture(tmp_path, "--ask", "12,7", "--test", test)
    area = groups(root, "map")[0]
    new = elements(area, "rect", "new-situation")
    assert len(new) == 1 and tooltip_of(new[0]).startswith("new situation studied 12, slept 7:")
    frame = elements(area, "rect", "map-frame")[0]
    assert float(new[0].get("x")) + 11 <= float(frame.get("x")) + float(frame.get("width"))
    # studied runs 1..12: the data's 1..8, and the 12
    assert x_axis_ticks(area, "studied") == ["1", "12"]
    key = " ".join(" ".join(t.text for t in elements(area, "text")).split())
    assert "diamonds: held out or test" in key and "dashed: new" in key
    assert len(elements(area, "polygon", "held-out")) == 2


def test_a_situation_the_map_cannot_show_is_named_in_its_key():
    result = pureneuron.program_network(pureneuron.nine_lines, printed_and_returned(
        pureneuron.nine_lines, iterations=100)[1], iterations=100)
    key = " ".join(t.text for t in elements(groups(svg_tree(pureneuron.picture(result)),
                                                   "map")[0], "text"))
    assert "1, 0, 0: off the map" in " ".join(key.split())  # input 3 is 1 in every example


# ============================================================================
# Pictures: a far --ask, a legend above its caption, text cut to a tiny width
# ============================================================================

def x_axis_ticks(area, name):
    """The numbers written under a map, on the line of its first input's name."""
    texts = elements(area, "text")
    label = [t for t in texts if t.text == name and not t.get("transform")][0]
    return [t.text for t in texts if t.get("y") == label.get("y") and t is not label]


def test_a_far_situation_asked_is_off_the_map_and_leaves_the_examples_their_room(tmp_path):
    data = write_data(tmp_path, spread_rows(30), "spread.csv")
    svg = str(tmp_path / "far.svg")
    status, out, err = run_main("train", "--data", data, "--scale", "--ask", "1000,5",
                                "--ask", "15,5", "--svg", svg)
    assert (status, err) == (0, "")
    area = groups(svg_tree(open(svg, encoding="utf-8").read()), "map")[0]
    # studied runs 0..10 in the data: 15 is within a span of it, 1000 far beyond
    assert x_axis_ticks(area, "studied") == ["0", "15"]
    new = elements(area, "rect", "new-situation")
    assert len(new) == 1 and tooltip_of(new[0]).startswith("new situation studied 15, slept 5")
    key = " ".join(" ".join(t.text for t in elements(area, "text")).split())
    assert "studied 1000, slept 5: off the map" in key
    assert elements(area, "path")  # the examples spread over the map: its 0.5 line shows
    frame = elements(area, "rect", "map-frame")[0]
    left, size = float(frame.get("x")), float(frame.get("width"))
    across = [float(c.get("cx")) for c in elements(area, "circle", "example")]
    assert max(across) - min(across) > size / 2


def test_a_situation_asked_a_data_span_away_widens_the_map_and_one_beyond_does_not():
    X = [[0, 3], [10, 5]]
    near, far = [[-10, 4], [20, 4]], [[-10.5, 4], [20.5, 4], [5, 7.5]]
    net = pureneuron.Network([], [], [], None, False, [], X=X, asked=near + far)
    assert pureneuron.map_ranges(net) == [(-10, 20), (3, 5)]
    on_map = pureneuron.on_the_map(net)
    assert [on_map(s) for s in near + far] == [True, True, False, False, False]



@pytest.mark.parametrize("count", [9, 10])
def test_a_legend_of_many_alphas_stays_above_a_three_line_caption(tmp_path, count):
    alphas = ["0.3", "0.5", "1", "2", "3", "5", "10", "20", "30", "50"][:count]
    svg = str(tmp_path / "alphas.svg")
    status, out, err = run_main("train", "--data", "exam", "--scale", "--iterations", "2000",
                                "--svg", svg, *[a for alpha in alphas for a in ("--alpha", alpha)])
    assert (status, err) == (0, "")
    texts = elements(groups(svg_tree(open(svg, encoding="utf-8").read()), "errors")[0], "text")
    caption = [t for t in texts if t.text.startswith("Drawn above:")][0]
    assert "zig-zags" in " ".join(t.text for t in texts)  # a caption of several lines
    legend = [t for t in texts if re.match(r"(alpha )?[\d.]+: |\(.*its last error\)", t.text)]
    assert len(legend) == count + 1
    for text in legend:  # a whole caption line clear of the caption's first line
        assert float(text.get("y")) <= float(caption.get("y")) - float(
            caption.get("font-size")), text.text
