"""Tests for pureneuron.py, in the order of the file: Part I (the posts' programs, the
follow-ups, the general network, the helpers), then Part II (printing, --trace, input
checks, answers and pictures, the command line), then notebooks and the README.

What is tested against what:
- the posts' printed outputs, byte for byte (written out below, and compared with the
  files in ../shared/posts where that folder is present);
- numpy itself, running the posts' programs for other seeds and lengths (the "numpy
  reference" block below; tests marked needs_numpy, skipped where numpy is missing);
- finite differences: each weight update steps down the gradient of half the squared error;
- Python 2.7, for the way Python 2 printed a float (skipped where there is none).

Markers (pytest.ini): full_length runs a post's program at its full 60,000 iterations;
needs_numpy compares with numpy; portable needs no subprocess and no numpy and is quick,
so it also runs under Pyodide, where there are no processes.
"""

import ast
import contextlib
import functools
import glob
import importlib.util
import inspect
import io
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

portable = pytest.mark.portable
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
                         {"alpha", "errors", "synapse_0", "synapse_1",
                          "synapse_0_direction_count", "synapse_1_direction_count"}),
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


def run_process(command, timeout=60, **options):
    """Run a command (a list, or a str for sh -c) and return (exit status, stdout, stderr).

    The text captured is None for a stream redirected in options (stdout=..., stderr=...).
    """
    if isinstance(command, str):
        command = ["sh", "-c", command]
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    result = subprocess.run(command, timeout=timeout, universal_newlines=True, **options)
    return result.returncode, result.stdout, result.stderr


def script(*args):
    """The command line that runs pureneuron.py as a script, for run_process."""
    return [sys.executable, PUREPATH] + list(args)


def assert_one_line_error(status, out, err, *mentions):
    """Bad input: exit status 2, nothing on stdout, one line on stderr naming what was wrong."""
    assert (status, out) == (2, ""), err
    assert err.startswith("pureneuron.py: error: ") and err.count("\n") == 1, err
    assert err.endswith("\n")
    for text in mentions:
        assert text in err


def printed_and_returned(function, **settings):
    """What a Part I function prints, and what it returns."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        result = function(**settings)
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
# The numpy reference: the posts' programs written with numpy
#
# Each returns what the program prints (numpy 1.13's style) and its numbers, under the
# names pureneuron's program returns them.  Where the post left a case undefined (0
# iterations), it does what pureneuron promises: the untrained result.
# ============================================================================

def np_str(np, a):
    """numpy's own printing in the 2015 style."""
    with np.printoptions(legacy="1.13"):
        return str(np.asarray(a))


def py2_str(x):
    """str(x) in Python 2 (checked against Python 2.7 below), as its format_float_short wrote it.

    12 significant digits, trailing zeros dropped; an exponent when the point would
    come before the 4th decimal or after the 11th digit; a whole number keeps ".0".
    """
    if isinstance(x, int) or not math.isfinite(x):
        return str(x)
    sign = "-" if math.copysign(1, x) < 0 else ""
    mantissa, exponent = ("%.11e" % abs(x)).split("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    point = int(exponent) + 1  # where the point goes, counted in digits
    if point <= -4 or point > 11:
        fraction = "." + digits[1:] if len(digits) > 1 else ""
        return "%s%s%se%s%02d" % (sign, digits[0], fraction, exponent[0], abs(int(exponent)))
    if point <= 0:
        return sign + "0." + "0" * -point + digits
    if point >= len(digits):
        return sign + digits + "0" * (point - len(digits)) + ".0"
    return sign + digits[:point] + "." + digits[point:]


def np_sigmoid(np, x):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


def np_weights(np, rows, columns):
    return 2 * np.random.random((rows, columns)) - 1


def np_nine_lines(np, iterations, seed):
    training_set_inputs, training_set_outputs = np.array(MILO_X), np.array(MILO_Y)
    np.random.seed(seed)
    synaptic_weights = np_weights(np, 3, 1)
    for _ in range(iterations):
        output = np_sigmoid(np, np.dot(training_set_inputs, synaptic_weights))
        synaptic_weights += np.dot(training_set_inputs.T,
                                   (training_set_outputs - output) * output * (1 - output))
    answer = np_sigmoid(np, np.dot(np.array([1, 0, 0]), synaptic_weights))
    return np_str(np, answer) + "\n", {"synaptic_weights": synaptic_weights, "answer": answer}


def np_neuron(np, iterations, seed):
    training_set_inputs, training_set_outputs = np.array(MILO_X), np.array(MILO_Y)
    np.random.seed(seed)
    synaptic_weights = np_weights(np, 3, 1)
    start = synaptic_weights.copy()
    for _ in range(iterations):
        output = np_sigmoid(np, np.dot(training_set_inputs, synaptic_weights))
        error = training_set_outputs - output
        synaptic_weights += np.dot(training_set_inputs.T, error * (output * (1 - output)))
    answer = np_sigmoid(np, np.dot(np.array([1, 0, 0]), synaptic_weights))
    printed = ("Random starting synaptic weights: \n%s\nNew synaptic weights after training: "
               "\n%s\nConsidering new situation [1, 0, 0] -> ?: \n%s\n"
               % (np_str(np, start), np_str(np, synaptic_weights), np_str(np, answer)))
    return printed, {"starting_weights": start, "synaptic_weights": synaptic_weights,
                     "answer": answer}


def np_two_layer(np, iterations, seed):
    X, y = np.array(TRASK_X), np.array(TRASK_2LAYER_Y)
    np.random.seed(seed)
    syn0 = np_weights(np, 3, 1)
    l1 = np_sigmoid(np, np.dot(X, syn0))
    for _ in range(iterations):
        l0 = X
        l1 = np_sigmoid(np, np.dot(l0, syn0))
        l1_error = y - l1
        l1_delta = l1_error * (l1 * (1 - l1))
        syn0 += np.dot(l0.T, l1_delta)
    return "Output After Training:\n%s\n" % np_str(np, l1), {"l1": l1, "syn0": syn0}


def np_three_layer(np, iterations, seed):
    X, y = np.array(TRASK_X), np.array(TRASK_3LAYER_Y)
    np.random.seed(seed)
    syn0, syn1 = np_weights(np, 3, 4), np_weights(np, 4, 1)
    printed, errors = "", []
    for j in range(iterations):
        l1 = np_sigmoid(np, np.dot(X, syn0))
        l2 = np_sigmoid(np, np.dot(l1, syn1))
        l2_error = y - l2
        if j % 10000 == 0:
            errors.append(float(np.mean(np.abs(l2_error))))
            printed += "Error:" + py2_str(errors[-1]) + "\n"
        l2_delta = l2_error * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
    return printed, {"errors": errors, "syn0": syn0, "syn1": syn1}


def np_eleven_lines(np, iterations, seed):
    X, y = np.array(TRASK_X), np.array([[0, 1, 1, 0]]).T
    np.random.seed(seed)
    syn0, syn1 = np_weights(np, 3, 4), np_weights(np, 4, 1)
    l2 = np_sigmoid(np, np.dot(np_sigmoid(np, np.dot(X, syn0)), syn1))
    for _ in range(iterations):
        l1 = 1 / (1 + np.exp(-(np.dot(X, syn0))))
        l2 = 1 / (1 + np.exp(-(np.dot(l1, syn1))))
        l2_delta = (y - l2) * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
    return np_str(np, l2) + "\n", {"l2": l2, "syn0": syn0, "syn1": syn1}


def np_multi_layer(np, iterations, seed):
    X, y = np.array(MULTI_X), np.array(MULTI_Y)
    np.random.seed(seed)
    layer1, layer2 = np_weights(np, 3, 4), np_weights(np, 4, 1)
    start = (layer1.copy(), layer2.copy())

    def weights():
        return ("    Layer 1 (4 neurons, each with 3 inputs): \n%s\n"
                "    Layer 2 (1 neuron, with 4 inputs):\n%s\n"
                % (np_str(np, layer1), np_str(np, layer2)))
    printed = "Stage 1) Random starting synaptic weights: \n" + weights()
    for _ in range(iterations):
        output_from_layer_1 = np_sigmoid(np, np.dot(X, layer1))
        output_from_layer_2 = np_sigmoid(np, np.dot(output_from_layer_1, layer2))
        layer2_error = y - output_from_layer_2
        layer2_delta = layer2_error * (output_from_layer_2 * (1 - output_from_layer_2))
        layer1_error = layer2_delta.dot(layer2.T)
        layer1_delta = layer1_error * (output_from_layer_1 * (1 - output_from_layer_1))
        layer1_adjustment = X.T.dot(layer1_delta)
        layer2_adjustment = output_from_layer_1.T.dot(layer2_delta)
        layer1 += layer1_adjustment
        layer2 += layer2_adjustment
    printed += "Stage 2) New synaptic weights after training: \n" + weights()
    hidden_state = np_sigmoid(np, np.dot(np.array([1, 1, 0]), layer1))
    output = np_sigmoid(np, np.dot(hidden_state, layer2))
    printed += "Stage 3) Considering a new situation [1, 1, 0] -> ?: \n%s\n" % np_str(np, output)
    return printed, {"starting_weights": start, "synaptic_weights": (layer1, layer2),
                     "output": output}


def np_gradient_descent(np, iterations, seed, alphas=(0.001, 0.01, 0.1, 1, 10, 100, 1000),
                        hidden_size=4, directions=False):
    X, y = np.array(TRASK_X), np.array(TRASK_3LAYER_Y)
    printed, results = "", []
    for alpha in alphas:
        printed += "\nTraining With Alpha:" + py2_str(alpha) + "\n"
        np.random.seed(seed)
        synapse_0, synapse_1 = np_weights(np, 3, hidden_size), np_weights(np, hidden_size, 1)
        synapse_0_direction_count = np.zeros_like(synapse_0)
        synapse_1_direction_count = np.zeros_like(synapse_1)
        errors = []
        with np.errstate(over="ignore"):
            for j in range(iterations):
                layer_0 = X
                layer_1 = np_sigmoid(np, np.dot(layer_0, synapse_0))
                layer_2 = np_sigmoid(np, np.dot(layer_1, synapse_1))
                layer_2_error = layer_2 - y
                if j % 10000 == 0:
                    errors.append(float(np.mean(np.abs(layer_2_error))))
                    printed += ("Error:" if directions else "Error after %d iterations:" % j) \
                        + py2_str(errors[-1]) + "\n"
                layer_2_delta = layer_2_error * (layer_2 * (1 - layer_2))
                layer_1_error = layer_2_delta.dot(synapse_1.T)
                layer_1_delta = layer_1_error * (layer_1 * (1 - layer_1))
                synapse_1_weight_update = layer_1.T.dot(layer_2_delta)
                synapse_0_weight_update = layer_0.T.dot(layer_1_delta)
                if directions and j > 0:
                    synapse_0_direction_count += np.abs(
                        ((synapse_0_weight_update > 0) + 0)
                        - ((prev_synapse_0_weight_update > 0) + 0))
                    synapse_1_direction_count += np.abs(
                        ((synapse_1_weight_update > 0) + 0)
                        - ((prev_synapse_1_weight_update > 0) + 0))
                synapse_1 -= alpha * synapse_1_weight_update
                synapse_0 -= alpha * synapse_0_weight_update
                prev_synapse_0_weight_update = synapse_0_weight_update
                prev_synapse_1_weight_update = synapse_1_weight_update
        if directions:
            printed += ("Synapse 0\n%s\nSynapse 0 Update Direction Changes\n%s\n"
                        "Synapse 1\n%s\nSynapse 1 Update Direction Changes\n%s\n"
                        % (np_str(np, synapse_0), np_str(np, synapse_0_direction_count),
                           np_str(np, synapse_1), np_str(np, synapse_1_direction_count)))
        results.append({"alpha": alpha, "errors": errors, "synapse_0": synapse_0,
                        "synapse_1": synapse_1,
                        "synapse_0_direction_count": synapse_0_direction_count,
                        "synapse_1_direction_count": synapse_1_direction_count})
    return printed, results


def np_train_network(np, X, y, layers, iterations, alpha=1, seed=1, bias=False):
    """The playground's network: Trask's loop for any layers, with a learning rate and a bias."""
    np.random.seed(seed)
    extra = 1 if bias else 0
    weights = [np_weights(np, inputs + extra, neurons)
               for inputs, neurons in zip(layers, layers[1:])]

    def with_bias(m):
        return np.hstack([m, np.ones((len(m), 1))]) if bias else m
    errors = []
    for _ in range(iterations):
        outputs = [np.array(X, dtype=float)]
        for w in weights:
            outputs.append(np_sigmoid(np, with_bias(outputs[-1]).dot(w)))
        error = np.array(y) - outputs[-1]
        errors.append(float(np.mean(np.abs(error))))
        for k in reversed(range(len(weights))):
            delta = error * (outputs[k + 1] * (1 - outputs[k + 1]))
            error = delta.dot(weights[k][:len(weights[k]) - extra].T)
            weights[k] = weights[k] + alpha * with_bias(outputs[k]).T.dot(delta)
    return {"weights": weights, "errors": errors}


NUMPY_PROGRAMS = {"nine-lines": np_nine_lines, "neuron": np_neuron, "two-layer": np_two_layer,
                  "three-layer": np_three_layer, "eleven-lines": np_eleven_lines,
                  "multi-layer": np_multi_layer, "gradient-descent": np_gradient_descent}


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
    expected_printed, expected = NUMPY_PROGRAMS[name](np, iterations, seed, **extra)
    assert printed == expected_printed
    assert_close(np, result, expected)


@needs_numpy
def test_the_command_line_passes_seed_length_and_settings_to_the_program(np):
    printed, _ = np_gradient_descent(np, 30, 5, alphas=(0.5, 7), hidden_size=6, directions=True)
    assert run_main("gradient-descent", "--seed", "5", "--iterations", "30", "--alpha", "0.5",
                    "--alpha", "7", "--hidden", "6", "--directions") == (0, printed, "")
    printed, _ = np_neuron(np, 40, 9)
    assert run_main("neuron", "--iterations", "40", "--seed", "9") == (0, printed, "")


@needs_numpy
@pytest.mark.parametrize("bias, alpha, layers", [(False, 1, [3, 4, 1]), (True, 0.5, [3, 4, 1]),
                                                 (True, 2, [3, 5, 2, 1])])
def test_train_network_trains_as_numpy_does(np, bias, alpha, layers):
    theirs = np_train_network(np, TRASK_X, TRASK_3LAYER_Y, layers, 200, alpha, 7, bias)
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


@portable
@pytest.mark.parametrize("seed", [1, 8])
@pytest.mark.parametrize("name", list(GRADIENT_CASES))
def test_each_programs_update_is_minus_the_gradient_of_half_the_squared_error(name, seed):
    X, y, weights_of, settings, alpha = GRADIENT_CASES[name]
    function = PROGRAMS[name][0]
    before = weights_of(printed_and_returned(function, iterations=0, seed=seed, **settings)[1])
    after = weights_of(printed_and_returned(function, iterations=1, seed=seed, **settings)[1])
    assert_steps_down_the_gradient(X, y, before, after, alpha)


@portable
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


@portable
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


@portable
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


@portable
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


@portable
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


@portable
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


@portable
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


def edited_namespace(old_pattern, new_text, where=None):
    """pureneuron's source with one regular expression replaced (inside `where`'s source if given),
    executed afresh in a namespace of its own, as a learner's edited copy."""
    source = source_text()
    part = inspect.getsource(where) if where else source
    edited_part, count = re.subn(old_pattern, new_text, part, count=1)
    assert count == 1, "%r is not in the source any more" % old_pattern
    source = source.replace(part, edited_part)
    namespace = {"__name__": "pureneuron_edited"}
    exec(compile(source, "pureneuron_edited.py", "exec"), namespace)
    return namespace


@portable
def test_the_command_line_reads_a_programs_iterations_from_its_function():
    # a learner changes 60000 in three_layer's signature to 1: the command runs 1 iteration
    namespace = edited_namespace(r"(def three_layer\(iterations[^=]*=\s*)60000", r"\g<1>1")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = namespace["main"](["three-layer"])
    assert (status, out.getvalue(), err.getvalue()) == (0, "Error:0.496410031903\n", "")


@portable
def test_changing_y_in_one_program_changes_that_program_only():
    namespace = edited_namespace(r"y = \[\[0\],\s*\[1\],\s*\[1\],\s*\[0\]\]",
                                 "y = [[1], [1], [1], [1]]", where=pureneuron.three_layer)
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

@portable
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


@portable
@pytest.mark.parametrize("seed", [-1, 2 ** 32])
def test_seeds_numpy_refuses_are_refused(seed):
    with pytest.raises(ValueError, match=r"2\*\*32"):
        pureneuron.numpy_random(seed)


@portable
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


@portable
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
    (lambda: pureneuron.dot([[1, 2]], [[1, 2]]), ("1x2", "a row of 2 entries against 1 rows")),
    (lambda: pureneuron.add([[1, 2]], [[1], [2]]), ("1x2", "2x1")),
    (lambda: pureneuron.add([[1, 2]], [[1, 2, 3]]), ("1x2", "1x3")),
    (lambda: pureneuron.subtract([[1]] * 4, [[1]] * 3), ("4x1", "3x1")),
    (lambda: pureneuron.subtract([[1, 2], [3, 4]], [[1], [2]]), ("2x2", "2x1")),
    (lambda: pureneuron.multiply([[1, 2]], [[1, 2, 3]]), ("1x2", "1x3")),
    (lambda: pureneuron.multiply([[1, 2, 3]], [[1, 2]]), ("1x3", "1x2")),
]


@portable
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


@portable
@pytest.mark.parametrize("call", RAGGED)
def test_ragged_matrices_raise_a_value_error_and_are_never_cut_short(call):
    with pytest.raises(ValueError, match="ragged|row|cannot combine"):
        call()


@portable
def test_entry_by_entry_operations_leave_no_entry_out():
    # rows of the same lengths in both pair every entry, even when the rows differ
    assert pureneuron.add([[1, 2], [3]], [[10, 20], [30]]) == [[11, 22], [33]]
    assert pureneuron.multiply(2, [[1, 2], [3]]) == [[2, 4], [6]]
    assert pureneuron.subtract([[1, 2], [3]], 1) == [[0, 1], [2]]


@portable
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


@portable
@pytest.mark.parametrize("x", [-4.0, -1.0, 0.0, 0.3, 2.5])
def test_sigmoid_slope_is_the_derivative_given_the_output(x):
    h = 1e-6
    numeric = (pureneuron.sigmoid([[x + h]])[0][0] - pureneuron.sigmoid([[x - h]])[0][0]) / (2 * h)
    assert pureneuron.sigmoid_slope(pureneuron.sigmoid([[x]]))[0][0] == pytest.approx(
        numeric, rel=1e-7)


@portable
def test_the_direction_counter_counts_each_turn_of_each_weight():
    assert pureneuron.turned([[1.0, -1.0], [0.0, 2.0]], [[-1.0, 1.0], [0.0, 3.0]]) == [
        [1.0, 1.0], [0.0, 0.0]]
    (result,) = printed_and_returned(pureneuron.gradient_descent, iterations=1, alphas=(10,),
                                     directions=True)[1]
    assert result["synapse_0_direction_count"] == [[0.0] * 4] * 3  # nothing to turn from yet


# --- the general network --------------------------------------------------------

@portable
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


@portable
def test_train_network_notes_the_error_only_when_asked():
    # nothing grows with the iterations unless every asks for it
    quiet = pureneuron.train_network(TRASK_X, TRASK_3LAYER_Y, [3, 4, 1], iterations=300)
    assert quiet["errors"] == []
    seen = []
    noted = pureneuron.train_network(TRASK_X, TRASK_3LAYER_Y, [3, 4, 1], iterations=7, every=3,
                                     on_error=lambda i, e: seen.append((i, e)))
    assert [i for i, _ in noted["errors"]] == [0, 3, 6] and seen == noted["errors"]
    assert noted["errors"][0][1] == pytest.approx(0.496410031903, abs=1e-12)


@portable
def test_bias_adds_a_row_of_weights_and_frees_the_all_zero_answer():
    plain = pureneuron.train_network(MILO_X, MILO_Y, [3, 1], iterations=2000)
    biased = pureneuron.train_network(MILO_X, MILO_Y, [3, 1], iterations=2000, bias=True)
    assert [pureneuron.shape(w) for w in biased["weights"]] == ["4x1"]
    assert pureneuron.answer(plain, [0, 0, 0]) == 0.5
    assert pureneuron.answer(biased, [0, 0, 0]) < 0.3


# ============================================================================
# PART II: the workshop (printing, --trace, input checks, pictures, the command line)
# ============================================================================

# --- printing as the posts printed ----------------------------------------------

@portable
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


@needs_numpy
def test_numpy_str_agrees_with_numpys_legacy_printing_on_random_matrices(np):
    rng = random.Random(3)
    scales = [1e-9, 1e-5, 1e-3, 1, 7, 123.456, 1e5, 1e9, 1e120]
    for _ in range(400):
        rows, columns = rng.randint(1, 5), rng.randint(1, 14)
        m = [[rng.choice([0.0, 1.0, -1.0, 0.5, rng.uniform(-1, 1) * rng.choice(scales),
                          round(rng.uniform(-20, 20), rng.randint(0, 9))])
              for _ in range(columns)] for _ in range(rows)]
        assert pureneuron.numpy_str(m) == np_str(np, m), m
        assert pureneuron.numpy_str(m[0]) == np_str(np, m[0]), m[0]


@portable
def test_python2_str_writes_floats_to_12_digits():
    python2_str = pureneuron.python2_str
    assert [python2_str(x) for x in [0.4964100319027255, 0.5, 1.0, 10, 0.001]] == [
        "0.496410031903", "0.5", "1.0", "10", "0.001"]
    assert [py2_str(x) for x in [0.4964100319027255, 0.5, 1.0, 10]] == [
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
    assert [py2_str(x) for x in samples] == printed.split()  # the reference used above
    assert [pureneuron.python2_str(x) for x in samples] == printed.split()


# --- --trace ------------------------------------------------------------------

TRACED_NAMES = {  # each program's loop: what it assigns, in the order it assigns it
    "nine-lines": ([], ["output", "synaptic_weights"]),
    "neuron": ([], ["output", "error", "adjustment", "self.synaptic_weights"]),
    "two-layer": ([], ["l0", "l1", "l1_error", "l1_delta", "syn0"]),
    "three-layer": ([], ["l0", "l1", "l2", "l2_error", "mean_error", "l2_delta", "l1_error",
                         "l1_delta", "syn1", "syn0"]),
    "eleven-lines": ([], ["l1", "l2", "l2_delta", "l1_delta", "syn1", "syn0"]),
    "multi-layer": ([], ["output_from_layer_1", "output_from_layer_2", "layer2_error",
                         "layer2_delta", "layer1_error", "layer1_delta", "layer1_adjustment",
                         "layer2_adjustment", "self.layer1.synaptic_weights",
                         "self.layer2.synaptic_weights"]),
    "gradient-descent": (["--alpha", "10", "--directions"], [
        "layer_0", "layer_1", "layer_2", "layer_2_error", "mean_error", "layer_2_delta",
        "layer_1_error",
        "layer_1_delta", "synapse_1_weight_update", "synapse_0_weight_update",
        "synapse_0_direction_count", "synapse_1_direction_count", "synapse_1", "synapse_0",
        "prev_synapse_0_weight_update", "prev_synapse_1_weight_update"]),
    "train": (["--layers", "3,4,1"], ["outputs[0]", "outputs[1]", "outputs[2]", "layer_error",
                                      "delta", "update", "weights[0]", "weights[1]"]),
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


@portable
@pytest.mark.parametrize("name", list(TRACED_NAMES))
def test_trace_shows_the_first_and_last_iteration_under_the_posts_names(name):
    options, names = TRACED_NAMES[name]
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
            key = re.sub(r"\[\d+\]$", "", label).split(".")[-1]
            assert note == pureneuron.TRACE_NOTES[key]
    # the trace adds lines; the program's own lines are all still there, in order
    lines = iter(traced.splitlines())
    assert all(line in lines for line in plain.splitlines())


@portable
def test_a_trace_of_one_iteration_shows_it_once():
    status, out, err = run_main("two-layer", "--iterations", "1", "--trace")
    assert (status, err) == (0, "")
    assert out.count("--- iteration") == 1 and out.startswith("--- iteration 0 ---\n")


@portable
def test_tracing_puts_back_the_tracer_that_was_there():
    def tracer(frame, event, arg):
        return None
    before = sys.gettrace()
    sys.settrace(tracer)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            with pureneuron.tracing(pureneuron.two_layer, 2):
                pureneuron.two_layer(iterations=2)
        restored = sys.gettrace()
        with pytest.raises(ZeroDivisionError):
            with pureneuron.tracing(pureneuron.two_layer, 2):
                1 / 0
        restored_after_an_error = sys.gettrace()
    finally:
        sys.settrace(before)
    assert restored is tracer and restored_after_an_error is tracer


@portable
def test_every_trace_note_is_one_line():
    for name, note in pureneuron.TRACE_NOTES.items():
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


@portable
@pytest.mark.parametrize("argv", BAD_COMMAND_LINES,
                         ids=lambda argv: " ".join(a[:12] for a in argv)[:60])
def test_bad_command_lines_are_one_line_and_status_2(argv):
    assert_one_line_error(*run_main(*argv))


@portable
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


@portable
def test_a_table_of_more_than_ten_inputs_is_refused_before_training(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(["1"] * 12) + "\n")
    assert_one_line_error(*run_main("train", "--data", str(path), "--table"), "10")


# --- data files ---------------------------------------------------------------

def write_data(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return str(path)


@portable
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


@portable
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


@portable
def test_a_header_of_names_is_skipped_and_blank_lines_ignored(tmp_path):
    path = write_data(tmp_path, "first,second,constant,answer\n\n0,0,1,0\n1,1,1,1\n"
                                "1,0,1,1\n\n0,1,1,0\n")
    assert pureneuron.read_examples(path) == (MILO_X, MILO_Y)
    assert pureneuron.read_examples(tmp_path / "data.csv") == (MILO_X, MILO_Y)  # os.PathLike
    assert pureneuron.parse_examples(["0.5,1,0.25", " 1 , 0 , 1 ", ""]) == (
        [[0.5, 1], [1, 0]], [[0.25], [1]])


@portable
def test_training_on_a_csv_file_gives_the_same_numbers_as_the_named_table(tmp_path):
    path = write_data(tmp_path, "a,b,c,answer\n0,0,1,0\n1,1,1,1\n1,0,1,1\n0,1,1,0\n")
    from_file = run_main("train", "--data", path, "--layers", "3,1", "--iterations", "500")
    named = run_main("train", "--data", "milo", "--layers", "3,1", "--iterations", "500")
    assert from_file[0] == named[0] == 0
    assert from_file[1].split("\n")[1:] == named[1].split("\n")[1:]
    assert from_file[1].startswith("Data: %s, 4 examples of 3 inputs\n" % path)


@portable
def test_the_data_file_is_never_changed(tmp_path):
    path = write_data(tmp_path, "a,b,c,t\r\n0,0,1,0\r\n1,1,1,1\r\n1,0,1,1\r\n0,1,1,0")
    os.utime(path, (1000000000, 1000000000))
    before = (os.stat(path).st_mtime_ns, open(path, "rb").read())
    assert run_main("train", "--data", path, "--iterations", "5", "--table", "--plot",
                    "--every", "2", "--ask", "1,0,0")[0] == 0
    assert run_main("train", "--data", path, "--layers", "9,1")[0] == 2
    assert (os.stat(path).st_mtime_ns, open(path, "rb").read()) == before
    assert os.listdir(str(tmp_path)) == ["data.csv"]


@portable
@pytest.mark.parametrize("content", [b"0,0,\xff\n", b"0,0,1\n\x00\x00\n", bytes(range(256))])
def test_a_binary_file_is_refused(tmp_path, content):
    path = write_data(tmp_path, content)
    assert_one_line_error(*run_main("train", "--data", path))


@portable
def test_a_file_over_the_byte_limit_is_refused(tmp_path, monkeypatch):
    path = write_data(tmp_path, "0,0,1,0\n" * 100)
    monkeypatch.setattr(pureneuron, "MAX_DATA_BYTES", 500)
    assert_one_line_error(*run_main("train", "--data", path))
    monkeypatch.setattr(pureneuron, "MAX_DATA_BYTES", 800)
    assert run_main("train", "--data", path, "--iterations", "1")[0] == 0


@portable
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

@portable
@pytest.mark.parametrize("call", [lambda: pureneuron.load_data(1),
                                  lambda: pureneuron.read_examples(1),
                                  lambda: pureneuron.read_examples(2),
                                  lambda: pureneuron.load_data(None)])
def test_data_functions_refuse_a_number_for_a_path_and_close_nothing(call):
    with pytest.raises(TypeError):
        call()
    os.fstat(1)  # still open
    os.fstat(2)


@portable
@pytest.mark.parametrize("lines", [[1, 2], [b"0,1"], [None], ["0,1", 1]])
def test_parse_examples_refuses_lines_that_are_not_text(lines):
    with pytest.raises(TypeError):
        pureneuron.parse_examples(lines)


@portable
def test_main_returns_its_status_for_help_too():
    status, out, err = run_main("--help")
    assert (status, err) == (0, "")
    assert "usage: pureneuron.py" in out and str(pureneuron.MAX_ITERATIONS) in out
    status, out, err = run_main("train", "--help")
    assert (status, err) == (0, "") and "--layers" in out


# --- answers, the answer table and the pictures -----------------------------------

def test_ask_gives_the_answer_for_new_situations():
    status, out, err = run_main("train", "--layers", "3,1", "--data", "milo", "--ask", "1,0,0",
                                "--ask", "0, 1, 1")
    assert (status, err) == (0, "")
    asked = [line for line in out.splitlines() if line.startswith("New situation")]
    assert asked[0] == "New situation 1,0,0 -> 0.99993704"  # Milo's answer, the same numbers
    assert asked[1].startswith("New situation 0,1,1 -> 0.0") and len(asked) == 2
    assert "[[ 9.67299303]\n [-0.2078435 ]\n [-4.62963669]]\n" in out  # his trained weights


@portable
def test_the_answer_table_marks_the_rows_trained_on():
    status, out, err = run_main("train", "--layers", "3,1", "--data", "milo", "--table",
                                "--iterations", "300")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("inputs"))
    rows = lines[start + 1:start + 9]
    assert [row[:5] for row in rows] == ["0 0 0", "0 0 1", "0 1 0", "0 1 1",
                                         "1 0 0", "1 0 1", "1 1 0", "1 1 1"]
    marked = {row[:5]: row.split("yes, target ")[1] for row in rows if "yes" in row}
    assert marked == {"0 0 1": "0", "1 1 1": "1", "1 0 1": "1", "0 1 1": "0"}
    assert rows[0].split()[3] == "0.50000000"  # all zeros, and no bias
    assert [float(row.split()[3]) > 0.5 for row in rows] == [False] * 4 + [True] * 4
    assert "sigmoid(0) = 0.5" in lines[start + 9]


@portable
def test_every_counts_from_iteration_zero():
    status, out, err = run_main("train", "--iterations", "25", "--every", "10")
    assert (status, err) == (0, "")
    assert [line.split(":")[0] for line in out.splitlines() if line.startswith("Error")] == [
        "Error after 0 iterations", "Error after 10 iterations", "Error after 20 iterations"]
    assert "Error" not in run_main("train", "--iterations", "25")[1]


@portable
@pytest.mark.parametrize("name", sorted(pureneuron.DATASETS))
def test_every_named_table_trains(name):
    status, out, err = run_main("train", "--data", name, "--iterations", "3")
    assert (status, err) == (0, "") and out.startswith("Data: %s, " % name)


@portable
def test_the_named_gates_are_their_truth_tables():
    gates = {"and": lambda a, b: a & b, "or": lambda a, b: a | b, "xor": lambda a, b: a ^ b}
    for name, gate in gates.items():
        X, y, _ = pureneuron.DATASETS[name]
        assert X == TRASK_X and y == [[gate(a, b)] for a, b, _ in X]
    assert pureneuron.DATASETS["milo"][:2] == (MILO_X, MILO_Y)
    assert pureneuron.DATASETS["trask"][:2] == (TRASK_X, TRASK_3LAYER_Y)
    assert pureneuron.DATASETS["trask-2layer"][:2] == (TRASK_X, TRASK_2LAYER_Y)
    assert pureneuron.DATASETS["multi-layer"][:2] == (MULTI_X, MULTI_Y)


@portable
@pytest.mark.parametrize("iterations", [1199, 10000])
def test_plot_keeps_at_most_600_points(monkeypatch, iterations):
    drawn = []
    real_plot = pureneuron.error_plot
    monkeypatch.setattr(pureneuron, "error_plot", lambda errors: drawn.append(len(errors))
                        or real_plot(errors))
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


@portable
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


@portable
def test_plot_survives_an_error_that_is_not_a_number():
    assert pureneuron.error_plot([(0, math.nan)]) == [
        "The error is not a number (nan): the weights overflowed. Try a smaller --alpha."]
    assert pureneuron.error_plot([])[0].startswith("No errors")


@portable
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

@portable
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


@portable
def test_no_arguments_runs_every_default_program_under_its_heading():
    assert run_main("--iterations", "2") == (0, no_argument_output("--iterations", "2"), "")
    defaults = [p.name for p in pureneuron.PROGRAMS if p.in_default_run]
    assert "multi-layer" in defaults and "gradient-descent" not in defaults


@portable
@pytest.mark.parametrize("before, after", [(["--trace"], ["--seed", "2"]),
                                           (["--seed", "2", "--trace"], []),
                                           (["--seed", "2"], ["--trace"])])
def test_options_before_the_program_name_count_too(before, after):
    expected = run_main("two-layer", "--iterations", "2", "--seed", "2", "--trace")
    assert "--- iteration 1 ---" in expected[1]
    assert run_main(*(before + ["two-layer", "--iterations", "2"] + after)) == expected


@portable
@pytest.mark.parametrize("text, printed", [("1", "1"), ("0.5", "0.5"), ("1e3", "1000.0"),
                                           ("1.0", "1.0"), ("0.001", "0.001")])
def test_alpha_prints_as_python_prints_what_was_given(text, printed):
    assert run_main("gradient-descent", "--alpha", text, "--iterations", "0") == (
        0, "\nTraining With Alpha:%s\n" % printed, "")


@portable
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


@portable
def test_bench_prints_a_line_for_every_program():
    status, out, err = run_main("bench", "--iterations", "2", "--runs", "1")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    import platform
    assert platform.python_implementation() in lines[0]
    assert len(lines) == 1 + len(pureneuron.PROGRAMS)
    for program, line in zip(pureneuron.PROGRAMS, lines[1:]):
        assert re.match(r"%s +\d+\.\d us an iteration" % re.escape(program.name), line), line


def test_bench_runs_on_an_ascii_terminal():
    status, out, err = run_process(script("bench", "--iterations", "1", "--runs", "1"),
                                   env=dict(os.environ, PYTHONIOENCODING="ascii"))
    assert (status, err) == (0, "") and len(out.splitlines()) == 1 + len(pureneuron.PROGRAMS)


# --- a learner's own bug is a traceback, not an input error ------------------------

@portable
def test_a_bug_in_a_program_propagates_out_of_main(monkeypatch):
    def slipped(iterations=1, seed=1):
        raise ValueError("cannot dot a 4x5 matrix with a 4x1 matrix")
    index = next(i for i, p in enumerate(pureneuron.PROGRAMS) if p.name == "three-layer")
    programs = list(pureneuron.PROGRAMS)
    programs[index] = programs[index]._replace(function=slipped)
    monkeypatch.setattr(pureneuron, "PROGRAMS", programs)
    with pytest.raises(ValueError, match="4x5"):
        pureneuron.main(["three-layer"])


def test_a_bug_in_an_edited_copy_shows_a_traceback_with_its_line(tmp_path):
    source = source_text()
    guard = re.search(r'^if __name__ == "__main__"', source, re.M)
    assert guard, "no `if __name__ == \"__main__\"` at the end of the file"
    slip = "def dot(a, b):\n    raise ValueError('a slip in dot')\n\n\n"
    edited = tmp_path / "pureneuron.py"
    edited.write_text(source[:guard.start()] + slip + source[guard.start():], encoding="utf-8")
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
    child = subprocess.Popen(script("three-layer", "--iterations", "1000000"),
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

@portable
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


@portable
def test_import_prints_nothing_and_draws_no_random_numbers(capsys):
    before = random.getstate()
    spec = importlib.util.spec_from_file_location("pureneuron_fresh_import", PUREPATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert capsys.readouterr() == ("", "")
    assert random.getstate() == before
    assert [p.name for p in module.PROGRAMS] == [p.name for p in pureneuron.PROGRAMS]


@portable
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


@portable
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


@portable
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


@portable
def test_a_command_line_of_too_many_words_is_refused_before_argparse_reads_it():
    # argparse's time grows with the square of the options given
    assert_one_line_error(*run_main("train", *["--ask", "1,0,0"] * 501), "1003 words", "1000")


@portable
def test_the_posts_programs_at_their_own_settings_are_within_the_limits():
    for program in pureneuron.PROGRAMS:
        for trace in (False, True):
            seconds = pureneuron.program_seconds(
                program.function, pureneuron.POST_NETWORKS[program.name], trace)
            assert 0 < seconds < pureneuron.MAX_SECONDS, (program.name, trace, seconds)
    assert pureneuron.program_seconds(pureneuron.gradient_descent,
                                      pureneuron.POST_NETWORKS["gradient-descent"],
                                      hidden_size=32, directions=True) < pureneuron.MAX_SECONDS


@portable
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


@portable
def test_gradient_descent_is_limited_per_run_not_per_alpha(monkeypatch):
    one, _ = estimate_accepted(monkeypatch, "gradient-descent", "--hidden", "32", "--alpha", "1")
    seven, _ = estimate_accepted(monkeypatch, "gradient-descent", "--hidden", "32")
    assert seven == pytest.approx(7 * one)


@portable
def test_the_estimate_counts_trace_asks_table_and_every(monkeypatch):
    base = ["train", "--data", "xor", "--layers", "3,50,1", "--iterations", "100"]
    plain, memory = estimate_accepted(monkeypatch, *base)
    for extra in (["--trace"], ["--ask", "1,0,0"], ["--table"], ["--every", "1"]):
        seconds, more_memory = estimate_accepted(monkeypatch, *base + extra)
        assert seconds > plain and more_memory >= memory, extra
    traced, _ = estimate_accepted(monkeypatch, *base + ["--trace"])
    assert traced >= pureneuron.TRACE_SLOWDOWN * plain


@portable
def test_limits_are_stated_in_words_in_help_and_readme():
    status, out, err = run_main("--help")
    help_text = " ".join(out.split())
    assert "about a minute" in help_text and "a few hundred MB" in help_text
    readme = " ".join(readme_text().split())
    assert "about a minute" in readme and "a few hundred MB" in readme
    assert "bench_limits.py" in readme
