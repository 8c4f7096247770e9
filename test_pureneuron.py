"""Tests for pureneuron.py: the posts' numbers, exactly, and each helper against independent references.

The posts' outputs are written out below, so the tests need nothing but this
repository.  Where numpy is installed, the helpers and programs are also
compared with numpy itself (pureneuron never imports it); elsewhere those
tests are skipped.
"""

import glob
import importlib.util
import inspect
import math
import os
import random
import re
import shutil
import signal
import string
import subprocess
import sys

import pytest

import pureneuron
from pureneuron import (add_matrices, dot, format_error, format_matrix, mean_absolute,
                        multiply, numpy_random, random_weights, shape, sigmoid, sigmoid_slope,
                        subtract, transpose)

HERE = os.path.dirname(os.path.abspath(__file__))

# What each post printed (the 11-line version printed nothing, so its entry is
# what numpy prints for it, seeded with 1).  Trailing spaces are the posts'.
POST_OUTPUTS = {
    "nine-lines": """\
[ 0.99993704]
""",
    "neuron": """\
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
""",
    "two-layer": """\
Output After Training:
[[ 0.00966449]
 [ 0.00786506]
 [ 0.99358898]
 [ 0.99211957]]
""",
    "three-layer": """\
Error:0.496410031903
Error:0.00858452565325
Error:0.00578945986251
Error:0.00462917677677
Error:0.00395876528027
Error:0.00351012256786
""",
    "eleven-lines": """\
[[ 0.00260572]
 [ 0.99672209]
 [ 0.99701711]
 [ 0.00386759]]
""",
}


def run_main(capsys, *argv):
    """pureneuron.main(argv): its exit status, stdout and stderr."""
    status = pureneuron.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- the posts' numbers, digit for digit -----------------------------------

@pytest.mark.full_length
@pytest.mark.parametrize("name", sorted(POST_OUTPUTS))
def test_each_program_prints_the_post_exactly(capsys, name):
    status, out, err = run_main(capsys, name)
    assert (status, out, err) == (0, POST_OUTPUTS[name], "")


def test_the_command_line_prints_the_post_with_nothing_but_python():
    # -I -S: no site-packages, no user paths, as on a bare machine.
    result = subprocess.run([sys.executable, "-I", "-S", os.path.join(HERE, "pureneuron.py"),
                             "nine-lines"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (0, POST_OUTPUTS["nine-lines"], "")


def test_no_arguments_runs_every_post_program_under_a_heading(capsys, monkeypatch):
    ran = []
    for program in pureneuron.PROGRAMS:
        # Record the order and the settings instead of training for real.
        monkeypatch.setattr(program, "run", lambda seed, iterations, trace, name=program.name:
                            ran.append((name, seed, iterations)) or {"name": name})
        monkeypatch.setattr(program, "show", lambda result: print("shown", result["name"]))
    status, out, err = run_main(capsys, "--seed", "3")
    assert status == 0 and err == ""
    default = [p for p in pureneuron.PROGRAMS if p.in_default_run]
    assert ran == [(p.name, 3, p.iterations) for p in default]
    for program in default:
        assert "== %s: %s\nshown %s\n" % (program.name, program.summary, program.name) in out


def test_list_names_each_program_on_its_own_line(capsys):
    status, out, err = run_main(capsys, "--list")
    assert status == 0 and err == ""
    assert [line.split()[0] for line in out.splitlines()] == [p.name for p in pureneuron.PROGRAMS]


@pytest.mark.full_length
def test_each_program_is_a_function_returning_its_numbers():
    result = pureneuron.neuron(seed=1, iterations=10000)
    assert format_matrix(result["answer"]) == "[ 0.99993704]"
    assert pureneuron.nine_lines()["answer"] == result["answer"]
    assert pureneuron.nine_lines()["synaptic_weights"] == result["synaptic_weights"]
    assert len(pureneuron.three_layer(iterations=20001)["errors"]) == 3


# --- random numbers like numpy's -------------------------------------------

def test_seed_1_gives_numpy_first_three_numbers():
    rng = numpy_random(1)
    assert [rng.random() for _ in range(3)] == [
        0.417022004702574, 0.7203244934421581, 0.00011437481734488664]


@pytest.mark.parametrize("seed", [0, 1, 2, 12345, 2**32 - 1])
def test_random_stream_is_numpys_bit_for_bit(seed):
    np = pytest.importorskip("numpy")
    ours = numpy_random(seed)
    theirs = np.random.RandomState(seed).random_sample(2000)
    assert [ours.random() for _ in range(2000)] == theirs.tolist()


def test_random_weights_are_numpys_two_times_random_minus_one():
    np = pytest.importorskip("numpy")
    np.random.seed(7)
    first, second = 2 * np.random.random((3, 4)) - 1, 2 * np.random.random((4, 1)) - 1
    rng = numpy_random(7)
    assert random_weights(rng, 3, 4) == first.tolist()
    assert random_weights(rng, 4, 1) == second.tolist()


@pytest.mark.parametrize("seed", [-1, 2**32, 1.5, "1", None, True])
def test_seeds_numpy_refuses_are_refused_with_the_range(seed):
    with pytest.raises(ValueError, match=r"0 to 2\*\*32 - 1"):
        numpy_random(seed)


# --- matrices ----------------------------------------------------------------

def test_shape_and_transpose():
    m = [[0, 0, 1], [0, 1, 1]]
    assert shape(m) == (2, 3)
    assert transpose(m) == [[0, 0], [0, 1], [1, 1]]
    assert transpose(transpose(m)) == m
    assert transpose([[5]]) == [[5]]


def test_dot_multiplies_rows_by_columns():
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[7, 8], [9, 10], [11, 12]]
    assert dot(a, b) == [[58, 64], [139, 154]]
    assert dot([1, 0, 0], [[0.5], [2.0], [3.0]]) == [0.5]
    assert dot([[2]], [[3, 4]]) == [[6, 8]]


def test_dot_adds_from_left_to_right_like_numpy():
    # (0.1 + 0.2) + 0.3 and 0.1 + (0.2 + 0.3) differ in the last bit.
    assert dot([[1, 1, 1]], [[0.1], [0.2], [0.3]]) == [[(0.1 + 0.2) + 0.3]]


def flat(m):
    return [x for row in m for x in row]


def test_helpers_agree_with_numpy_on_random_matrices():
    np = pytest.importorskip("numpy")
    rng = random.Random(5)
    for _ in range(50):
        n, k, m = rng.randint(1, 6), rng.randint(1, 6), rng.randint(1, 6)
        a = [[rng.uniform(-3, 3) for _ in range(k)] for _ in range(n)]
        b = [[rng.uniform(-3, 3) for _ in range(m)] for _ in range(k)]
        c = [[rng.uniform(-3, 3) for _ in range(k)] for _ in range(n)]
        assert flat(dot(a, b)) == pytest.approx(flat(np.dot(a, b).tolist()), rel=1e-13, abs=1e-13)
        assert transpose(a) == np.array(a).T.tolist()
        assert add_matrices(a, c) == (np.array(a) + np.array(c)).tolist()
        assert subtract(a, c) == (np.array(a) - np.array(c)).tolist()
        assert multiply(a, c) == (np.array(a) * np.array(c)).tolist()
        assert subtract(1, a) == (1 - np.array(a)).tolist()
        assert mean_absolute(a) == pytest.approx(float(np.mean(np.abs(a))), rel=1e-15)


@pytest.mark.parametrize("call, message", [
    (lambda: dot([[1, 2, 3]] * 4, [[1]] * 4),
     "cannot dot a 4x3 matrix with a 4x1 matrix: 3 columns against 4 rows"),
    (lambda: dot([1, 2], [[1]] * 3),
     "cannot dot a vector of 2 with a 3x1 matrix: 2 columns against 3 rows"),
    (lambda: add_matrices([[1, 2]], [[1], [2]]),
     "cannot combine a 1x2 matrix with a 2x1 matrix entry by entry: the shapes differ"),
    (lambda: subtract([[1]] * 4, [[1]] * 3), "4x1 matrix with a 3x1 matrix"),
    (lambda: multiply([[1, 2]], [[1, 2, 3]]), "1x2 matrix with a 1x3 matrix"),
    (lambda: transpose([[1, 2], [3]]), "ragged matrix: its rows have 1 and 2 entries"),
    (lambda: dot([[1, 2], [3]], [[1], [2]]), "ragged matrix"),
    (lambda: dot([[1], [2]], [[1, 2], [3]]), "ragged matrix"),
    (lambda: add_matrices([[1, 2], [3]], [[1, 2], [3]]), "ragged matrix"),
    (lambda: shape([]), "non-empty list of rows"),
    (lambda: shape([[]]), "rows must not be empty"),
    (lambda: shape([1, 2]), "list of rows"),
    (lambda: dot([], [[1]]), "non-empty"),
])
def test_bad_shapes_are_refused_with_both_shapes_named(call, message):
    with pytest.raises(ValueError) as raised:
        call()
    assert message in str(raised.value)


@pytest.mark.parametrize("call", [
    lambda: dot([["a"]], [[1]]),
    lambda: dot([[1]], [[None]]),
    lambda: add_matrices([["a"]], [["b"]]),
    lambda: add_matrices([[[1]]], [[[2]]]),
    lambda: subtract([[1]], [["b"]]),
    lambda: multiply([["a"]], [[1]]),
    lambda: multiply(2, [[[1]]]),
    lambda: sigmoid([["a"]]),
    lambda: mean_absolute([["a"]]),
])
def test_entries_that_are_not_numbers_are_a_type_error(call):
    with pytest.raises(TypeError):
        call()


# --- the sigmoid ---------------------------------------------------------------

def test_sigmoid_matches_numpy_everywhere_including_the_extremes():
    np = pytest.importorskip("numpy")
    xs = [-1000.0, -745.2, -709.79, -709.0, -30.0, -1.0, -1e-300, 0.0, 0.5, 36.0, 710.0,
          float("inf"), float("-inf")]
    with np.errstate(over="ignore"):
        expected = (1 / (1 + np.exp(-np.array([xs])))).tolist()
    assert sigmoid([xs]) == expected
    assert math.isnan(sigmoid([float("nan")])[0])


def test_sigmoid_slope_is_the_derivative_given_the_output():
    for x in [-4.0, -1.0, 0.0, 0.3, 2.5]:
        h = 1e-6
        numeric = (sigmoid([x + h])[0] - sigmoid([x - h])[0]) / (2 * h)
        (slope,), = sigmoid_slope([sigmoid([x])])
        assert slope == pytest.approx(numeric, rel=1e-7)
    assert sigmoid_slope([[0.5]]) == [[0.25]]


# --- printing like the posts ----------------------------------------------------

def test_format_matrix_writes_what_numpy_1_13_wrote():
    assert format_matrix([[9.67299303], [-0.2078435], [-4.62963669]]) == (
        "[[ 9.67299303]\n [-0.2078435 ]\n [-4.62963669]]")
    assert format_matrix([[1e-05], [0.999876543]]) == (
        "[[  1.00000000e-05]\n [  9.99876543e-01]]")
    assert format_matrix([[1e100, 1.0]]) == "[[  1.00000000e+100   1.00000000e+000]]"
    assert format_matrix([[0.0, 0.0]]) == "[[ 0.  0.]]"
    assert format_matrix([[float("inf"), 0.5], [float("nan"), -1]]) == "[[ inf  0.5]\n [ nan -1. ]]"
    assert format_matrix([0.0]) == "[ 0.]"


def numpy_legacy_str(np, values):
    """What numpy prints for an array in the 2015 style."""
    options = np.get_printoptions()
    np.set_printoptions(legacy="1.13")
    try:
        return str(np.array(values))
    finally:
        np.set_printoptions(**options)


def test_format_matrix_agrees_with_numpy_legacy_printing_on_random_matrices():
    np = pytest.importorskip("numpy")
    rng = random.Random(3)
    scales = [1e-9, 1e-5, 1e-3, 1, 7, 123.456, 1e5, 1e9, 1e120]
    for _ in range(400):
        rows, cols = rng.randint(1, 5), rng.randint(1, 14)
        m = [[rng.choice([0.0, 1.0, -1.0, 0.5, rng.uniform(-1, 1) * rng.choice(scales),
                          round(rng.uniform(-20, 20), rng.randint(0, 9))])
              for _ in range(cols)] for _ in range(rows)]
        assert format_matrix(m) == numpy_legacy_str(np, m), m
        assert format_matrix(m[0]) == numpy_legacy_str(np, m[0]), m[0]


def find_python2():
    """A working Python 2 interpreter, or None (pyenv's shim exists even where 2.7 is not chosen)."""
    candidates = glob.glob(os.path.expanduser("~/.pyenv/versions/2.7*/bin/python"))
    candidates += [shutil.which(name) for name in ("python2.7", "python2")]
    for path in filter(None, candidates):
        probe = subprocess.run([path, "-c", "print 1"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
        if probe.returncode == 0 and probe.stdout.strip() == b"1":
            return path
    return None


def test_format_error_writes_what_python_2_str_wrote():
    samples = [0.4964100319027255, 0.5, 1.0, 0.00858452565324716, 1e-20, 123456789012345.0,
               -2.0, 0.1]
    assert [format_error(x) for x in samples[:3]] == ["0.496410031903", "0.5", "1.0"]
    python2 = find_python2()
    if python2 is None:
        pytest.skip("no Python 2 to compare with")
    printed = subprocess.check_output(
        [python2, "-c", "import sys\nfor x in sys.argv[1:]: print str(float(x))"]
        + [repr(x) for x in samples], universal_newlines=True)
    assert [format_error(x) for x in samples] == printed.split()


# --- agreement with numpy for any seed and iteration count --------------------

def numpy_programs(np, seed, iterations):
    """The five programs written with numpy: what each would print."""
    def sigmoid_np(x):
        return 1 / (1 + np.exp(-x))

    def weights(*shape):
        return 2 * np.random.random(shape) - 1

    printed = {}
    milo_X = np.array([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]])
    milo_y = np.array([[0, 1, 1, 0]]).T
    np.random.seed(seed)
    w = weights(3, 1)
    start = w.copy()
    for _ in range(iterations):
        out = sigmoid_np(milo_X.dot(w))
        w += milo_X.T.dot((milo_y - out) * (out * (1 - out)))
    answer = numpy_legacy_str(np, sigmoid_np(np.array([1, 0, 0]).dot(w)))
    printed["nine-lines"] = answer + "\n"
    printed["neuron"] = ("Random starting synaptic weights: \n%s\nNew synaptic weights after "
                         "training: \n%s\nConsidering new situation [1, 0, 0] -> ?: \n%s\n"
                         % (numpy_legacy_str(np, start), numpy_legacy_str(np, w), answer))
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0, 0, 1, 1]]).T
    np.random.seed(seed)
    syn0 = weights(3, 1)
    for _ in range(iterations):
        l1 = sigmoid_np(X.dot(syn0))
        syn0 += X.T.dot((y - l1) * (l1 * (1 - l1)))
    printed["two-layer"] = "Output After Training:\n%s\n" % numpy_legacy_str(np, l1)
    y = np.array([[0, 1, 1, 0]]).T
    np.random.seed(seed)
    syn0, syn1 = weights(3, 4), weights(4, 1)
    errors = []
    for j in range(iterations):
        l1 = sigmoid_np(X.dot(syn0))
        l2 = sigmoid_np(l1.dot(syn1))
        if j % 10000 == 0:
            errors.append("Error:%s\n" % format_error(float(np.mean(np.abs(y - l2)))))
        l2_delta = (y - l2) * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
    printed["three-layer"] = "".join(errors)
    printed["eleven-lines"] = numpy_legacy_str(np, l2) + "\n"
    return printed


@pytest.mark.parametrize("seed, iterations", [(0, 1), (2, 37), (42, 1500), (2**32 - 1, 10001)])
def test_every_program_prints_what_numpy_prints_for_other_seeds(capsys, seed, iterations):
    np = pytest.importorskip("numpy")
    expected = numpy_programs(np, seed, iterations)
    for name, text in expected.items():
        status, out, err = run_main(capsys, name, "--seed", str(seed),
                                    "--iterations", str(iterations))
        assert (name, status, out, err) == (name, 0, text, "")


# --- each weight update is the negative gradient of the squared error --------

def squared_error(X, y, weights):
    """½Σ(y - out)² of a chain of sigmoid layers, computed here with plain loops."""
    layer = [list(row) for row in X]
    for w in weights:
        layer = [[1 / (1 + math.exp(-sum(a * w[k][j] for k, a in enumerate(row))))
                  for j in range(len(w[0]))] for row in layer]
    return 0.5 * sum((t - o) ** 2 for row_t, row_o in zip(y, layer) for t, o in zip(row_t, row_o))


def numeric_gradient(X, y, weights, which, h=1e-6):
    """dE/dw for each entry of weights[which], by central differences."""
    grad = []
    for i, row in enumerate(weights[which]):
        grad.append([])
        for j in range(len(row)):
            def error_at(value):
                changed = [[list(r) for r in w] for w in weights]
                changed[which][i][j] = value
                return squared_error(X, y, changed)
            grad[-1].append((error_at(row[j] + h) - error_at(row[j] - h)) / (2 * h))
    return grad


def assert_update_is_minus_gradient(before, after, gradient):
    update = [[b - a for a, b in zip(ra, rb)] for ra, rb in zip(before, after)]
    for row_u, row_g in zip(update, gradient):
        for u, g in zip(row_u, row_g):
            assert u == pytest.approx(-g, rel=1e-5, abs=1e-9)


@pytest.mark.parametrize("seed", [1, 8])
def test_one_neuron_update_is_the_negative_gradient(seed):
    start = random_weights(numpy_random(seed), 3, 1)
    gradient = numeric_gradient(pureneuron.MILO_INPUTS, pureneuron.MILO_OUTPUTS, [start], 0)
    for after in (pureneuron.nine_lines(seed, 1)["synaptic_weights"],
                  pureneuron.neuron(seed, 1)["synaptic_weights"]):
        assert_update_is_minus_gradient(start, after, gradient)
    start = random_weights(numpy_random(seed), 3, 1)
    gradient = numeric_gradient(pureneuron.TRASK_INPUTS, pureneuron.TRASK_2LAYER_OUTPUTS, [start], 0)
    assert_update_is_minus_gradient(start, pureneuron.two_layer(seed, 1)["syn0"], gradient)


@pytest.mark.parametrize("program", [pureneuron.three_layer, pureneuron.eleven_lines])
@pytest.mark.parametrize("seed", [1, 8])
def test_backpropagation_updates_are_the_negative_gradient(program, seed):
    rng = numpy_random(seed)
    weights = [random_weights(rng, 3, 4), random_weights(rng, 4, 1)]
    X, y = pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS
    result = program(seed, 1)
    assert_update_is_minus_gradient(weights[0], result["syn0"], numeric_gradient(X, y, weights, 0))
    assert_update_is_minus_gradient(weights[1], result["syn1"], numeric_gradient(X, y, weights, 1))


# --- the command line refuses bad input in one line ----------------------------

@pytest.mark.parametrize("argv, message", [
    (["nonsense"], "invalid choice: 'nonsense'"),
    (["three-layer", "--iterations", "-1"], "three-layer needs --iterations of at least 1, got -1"),
    (["nine-lines", "--iterations", "-5"], "nine-lines needs --iterations of at least 0, got -5"),
    (["two-layer", "--iterations", "0"], "two-layer needs --iterations of at least 1, got 0"),
    (["--iterations", "0"], "needs --iterations of at least 1, got 0"),
    (["nine-lines", "--iterations", "ten"], "expected a whole number, got 'ten'"),
    (["nine-lines", "--seed", "-1"], "seed must be an integer from 0 to 2**32 - 1"),
    (["--seed", "4294967296"], "seed must be an integer from 0 to 2**32 - 1"),
    (["neuron", "--seed", "1.5"], "expected a whole number, got '1.5'"),
    (["neuron", "--bogus"], "unrecognized arguments: --bogus"),
])
def test_bad_command_lines_exit_2_with_one_line(capsys, argv, message):
    status, out, err = run_main(capsys, *argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("pureneuron.py: error: ")
    assert message in err


def test_zero_iterations_prints_the_untrained_neuron(capsys):
    status, out, err = run_main(capsys, "neuron", "--iterations", "0")
    assert status == 0 and err == ""
    assert out.split("\n")[1:4] == ["[[-0.16595599]", " [ 0.44064899]", " [-0.99977125]]"]
    assert out.split("\n")[5:8] == out.split("\n")[1:4]


def test_the_command_line_never_shows_a_traceback():
    result = subprocess.run([sys.executable, os.path.join(HERE, "pureneuron.py"), "two-layer",
                             "--seed", "x"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True, timeout=60)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "pureneuron.py: error: argument --seed: expected a whole number, got 'x'\n"


# --- playground: train and sigmoid (issue 5) ---

def write_csv(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_train_reproduces_milos_nine_line_answer(capsys):
    status, out, err = run_main(capsys, "train", "--layers", "3,1", "--data", "milo",
                               "--iterations", "10000", "--ask", "1,0,0")
    assert (status, err) == (0, "")
    assert "New situation [1, 0, 0] -> [ 0.99993704]\n" in out
    # and the trained weights of Milo's class-based program
    assert "[[ 9.67299303]\n [-0.2078435 ]\n [-4.62963669]]\n" in out


@pytest.mark.full_length
def test_train_reproduces_trasks_three_layer_errors(capsys):
    status, out, err = run_main(capsys, "train", "--layers", "3,4,1", "--data", "trask",
                               "--iterations", "60000", "--every", "10000")
    assert (status, err) == (0, "")
    errors = [line for line in out.splitlines() if line.startswith("Error:")]
    assert errors == ["Error:0.496410031903",
                      "Error:0.00858452565325",
                      "Error:0.00578945986251",
                      "Error:0.00462917677677",
                      "Error:0.00395876528027",
                      "Error:0.00351012256786"]


def test_train_is_not_a_post_program():
    assert {"train", "sigmoid"}.isdisjoint(p.name for p in pureneuron.PROGRAMS)


def test_train_network_returns_weights_and_an_error_per_iteration():
    result = pureneuron.train_network(pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS,
                                      [3, 4, 1], iterations=25)
    assert len(result["errors"]) == 25
    assert [pureneuron.shape(w) for w in result["weights"]] == [(3, 4), (4, 1)]
    rng = pureneuron.numpy_random(1)
    assert result["starting_weights"] == [pureneuron.random_weights(rng, 3, 4),
                                          pureneuron.random_weights(rng, 4, 1)]
    assert result["errors"][0] == pytest.approx(0.496410031903, abs=1e-12)


def test_layers_any_depth(capsys):
    status, out, _ = run_main(capsys, "train", "--layers", "3,5,2,1", "--iterations", "5")
    assert status == 0
    assert "syn0 (3 inputs -> 5 neurons):" in out
    assert "syn1 (5 inputs -> 2 neurons):" in out
    assert "syn2 (2 inputs -> 1 neuron):" in out
    assert "syn3" not in out


def test_layers_default_to_data_inputs_4_hidden_1_output(capsys):
    status, out, _ = run_main(capsys, "train", "--data", "milo", "--iterations", "1")
    assert status == 0
    assert "Training layers 3,4,1 for 1 iterations" in out


@pytest.mark.parametrize("name", sorted(pureneuron.DATASETS))
def test_every_named_table_trains(capsys, name):
    status, out, err = run_main(capsys, "train", "--data", name, "--iterations", "3")
    assert (status, err) == (0, "")
    assert out.startswith("Data: %s, " % name)


def test_named_tables_reuse_the_posts_data():
    data = pureneuron.DATASETS
    assert data["milo"][:2] == (pureneuron.MILO_INPUTS, pureneuron.MILO_OUTPUTS)
    assert data["trask"][:2] == (pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS)
    assert data["trask-2layer"][1] == pureneuron.TRASK_2LAYER_OUTPUTS
    assert data["multi-layer"][0][3] == [0, 1, 0] and len(data["multi-layer"][1]) == 7
    gates = {"and": lambda a, b: a & b, "or": lambda a, b: a | b, "xor": lambda a, b: a ^ b}
    for name, gate in gates.items():
        X, y, _ = data[name]
        assert X == [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
        assert y == [[gate(a, b)] for a, b, _ in X]


def test_csv_file_with_header_and_blank_lines(capsys, tmp_path):
    path = write_csv(tmp_path, "first,second,constant,answer\n\n0,0,1,0\n1,1,1,1\n"
                               "1,0,1,1\n\n0,1,1,0\n")
    X, y = pureneuron.read_examples(path)
    assert (X, y) == (pureneuron.MILO_INPUTS, pureneuron.MILO_OUTPUTS)
    status, out, _ = run_main(capsys, "train", "--data", path, "--layers", "3,1",
                             "--ask", "1,0,0")
    assert status == 0
    assert "Data: %s, 4 examples of 3 inputs\n" % path in out
    assert "New situation [1, 0, 0] -> [ 0.99993704]" in out  # same data, same numbers


def test_csv_without_header_and_fractional_targets():
    assert pureneuron.parse_examples(["0.5,1,0.25", " 1 , 0 , 1 "]) == (
        [[0.5, 1], [1, 0]], [[0.25], [1]])


def test_train_never_changes_the_users_file(capsys, tmp_path):
    path = write_csv(tmp_path, "0,0,1,0\n1,1,1,1\n1,0,1,1\n0,1,1,0\n")
    before = (os.stat(path).st_mtime_ns, open(path, "rb").read())
    assert run_main(capsys, "train", "--data", path, "--iterations", "5", "--table",
                   "--plot")[0] == 0
    assert (os.stat(path).st_mtime_ns, open(path, "rb").read()) == before
    assert sorted(os.listdir(str(tmp_path))) == ["data.csv"]


def test_iterations_zero_keeps_the_starting_weights(capsys):
    status, out, _ = run_main(capsys, "train", "--layers", "3,1", "--data", "milo",
                             "--iterations", "0", "--plot")
    assert status == 0
    start = pureneuron.random_weights(pureneuron.numpy_random(1), 3, 1)
    assert pureneuron.format_matrix(start) in out
    assert "Error in the last iteration" not in out
    assert "No iterations, so no error curve to draw." in out


def test_alpha_scales_each_update():
    args = (pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS, [3, 4, 1])
    one = pureneuron.train_network(*args, iterations=1, alpha=1)
    half = pureneuron.train_network(*args, iterations=1, alpha=0.5)
    for start, w1, w_half in zip(one["starting_weights"], one["weights"], half["weights"]):
        for r in range(len(start)):
            for c in range(len(start[0])):
                assert w_half[r][c] - start[r][c] == pytest.approx(
                    0.5 * (w1[r][c] - start[r][c]), rel=1e-9, abs=1e-15)


def test_alpha_on_the_command_line(capsys):
    status, out, _ = run_main(capsys, "train", "--alpha", "0.5", "--iterations", "3",
                             "--every", "1")
    assert status == 0
    assert "alpha 0.5," in out
    expected = pureneuron.train_network(pureneuron.TRASK_INPUTS,
                                        pureneuron.TRASK_3LAYER_OUTPUTS, [3, 4, 1],
                                        iterations=3, alpha=0.5)["errors"]
    assert [l for l in out.splitlines() if l.startswith("Error:")] == [
        "Error:" + pureneuron.format_error(e) for e in expected]


def test_seed_picks_the_starting_weights(capsys):
    out = {seed: run_main(capsys, "train", "--layers", "3,1", "--seed", seed,
                         "--iterations", "0")[1] for seed in ("1", "2")}
    assert out["1"] != out["2"]
    start = pureneuron.random_weights(pureneuron.numpy_random(2), 3, 1)
    assert pureneuron.format_matrix(start) in out["2"]
    assert "seed 2" in out["2"]


def test_bias_adds_a_row_of_weights_and_frees_the_all_zero_answer(capsys):
    X, y = pureneuron.MILO_INPUTS, pureneuron.MILO_OUTPUTS
    plain = pureneuron.train_network(X, y, [3, 1], iterations=2000)
    biased = pureneuron.train_network(X, y, [3, 1], iterations=2000, bias=True)
    assert [pureneuron.shape(w) for w in biased["weights"]] == [(4, 1)]
    assert pureneuron.answer(plain, [0, 0, 0]) == [0.5]
    assert pureneuron.answer(biased, [0, 0, 0])[0] < 0.3
    status, out, _ = run_main(capsys, "train", "--layers", "3,4,1", "--bias",
                             "--iterations", "2")
    assert status == 0
    assert "syn0 (3 inputs + bias -> 4 neurons):" in out
    assert "syn1 (4 inputs + bias -> 1 neuron):" in out
    assert "with bias" in out


def test_every_counts_from_iteration_zero(capsys):
    status, out, _ = run_main(capsys, "train", "--iterations", "25", "--every", "10")
    assert status == 0
    assert sum(line.startswith("Error:") for line in out.splitlines()) == 3  # 0, 10, 20
    status, out, _ = run_main(capsys, "train", "--iterations", "25")
    assert "Error:" not in out


def test_every_reports_while_training():
    seen = []
    result = pureneuron.train_network(pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS,
                                      [3, 4, 1], iterations=7, every=3,
                                      progress=lambda i, e: seen.append((i, e)))
    assert seen == [(i, result["errors"][i]) for i in (0, 3, 6)]


def test_ask_is_repeatable(capsys):
    status, out, _ = run_main(capsys, "train", "--layers", "3,1", "--data", "milo",
                             "--ask", "1,0,0", "--ask", "0, 1, 1")
    assert status == 0
    asked = [line for line in out.splitlines() if line.startswith("New situation")]
    assert asked[0] == "New situation [1, 0, 0] -> [ 0.99993704]"
    assert asked[1].startswith("New situation [0, 1, 1] -> [ 0.0")
    assert len(asked) == 2


def test_table_marks_the_training_rows(capsys):
    status, out, _ = run_main(capsys, "train", "--layers", "3,1", "--data", "milo", "--table")
    assert status == 0
    lines = out.splitlines()
    start = lines.index("inputs  answer      trained on")
    rows = lines[start + 1:start + 9]
    assert [r[:5] for r in rows] == ["0 0 0", "0 0 1", "0 1 0", "0 1 1",
                                     "1 0 0", "1 0 1", "1 1 0", "1 1 1"]
    marked = {r[:5]: r.split("yes, target ")[1] for r in rows if "yes" in r}
    assert marked == {"0 0 1": "0", "1 1 1": "1", "1 0 1": "1", "0 1 1": "0"}
    assert rows[0] == "0 0 0   0.50000000"
    assert rows[4] == "1 0 0   0.99993704"
    assert lines[start + 9] == ("All zeros give 0.5: weights times 0 add up to 0; "
                                "sigmoid(0) = 0.5. Try --bias.")


def test_table_explains_all_zeros_for_deeper_networks_and_not_with_bias(capsys):
    out = run_main(capsys, "train", "--iterations", "10", "--table")[1]
    assert "All zeros: the first layer can only say sigmoid(0) = 0.5. Try --bias." in out
    out = run_main(capsys, "train", "--iterations", "10", "--table", "--bias")[1]
    assert "All zeros" not in out and "0 0 0   " in out


def test_answer_table_for_ten_inputs_but_not_eleven():
    X = [[0] * 10, [1] * 10]
    net = pureneuron.train_network(X, [[0], [1]], [10, 1], iterations=1)
    rows = pureneuron.answer_table(net, X, [[0], [1]])
    assert len(rows) == 1024
    assert rows[0][2] == [0] and rows[-1][2] == [1] and rows[1][2] == []
    wide = pureneuron.train_network([[0] * 11], [[0]], [11, 1], iterations=0)
    with pytest.raises(ValueError, match="up to 10 inputs"):
        pureneuron.answer_table(wide, [[0] * 11], [[0]])


def _plot_lines(out):
    lines = out.splitlines()
    return lines[next(i for i, l in enumerate(lines) if l.startswith("Mean absolute error")):]


def test_plot_fits_80_columns_and_is_labelled(capsys):
    status, out, _ = run_main(capsys, "train", "--layers", "3,1", "--data", "milo",
                             "--iterations", "3000", "--plot")
    assert status == 0
    plot = _plot_lines(out)
    assert all(len(line) <= 80 for line in plot)
    assert all(set(line) <= set(string.printable) - set("\t\r\x0b\x0c") for line in plot)
    # the error falls from 0.52 to 0.015: more than a decade, so a log scale
    assert plot[0].startswith("Mean absolute error by iteration (log scale: it spans 1.")
    assert plot[-1].strip() == "iteration"
    assert plot[-2].split() == ["0", str(round(30 * 2999 / 59)), "2999"]  # column 30 of 0..59
    body = plot[1:-3]
    assert len(body) == 15 and plot[-3] == " " * 10 + "+" + "-" * 60
    assert body[0].split("|")[0].strip() == "0.517"  # the first error, at the top
    assert body[-1].split("|")[0].strip() == "0.0147"  # the last, at the bottom
    # one point a column, falling from the top-left to the bottom-right
    heights = [max(r for r, line in enumerate(reversed(body)) if len(line) > 11 + c
                   and line[11 + c] == "*") for c in range(60)]
    assert heights[0] == 14 and heights[-1] == 0
    assert heights == sorted(heights, reverse=True)


def test_plot_uses_a_linear_scale_for_a_flat_error():
    lines = pureneuron.error_plot([0.5, 0.49, 0.48] * 10)
    assert lines[0].endswith("(linear scale)")
    assert len(lines) == 1 + 15 + 3
    single = pureneuron.error_plot([0.3])
    assert single[15] == "      0.3 |*" and single[-2].split() == ["0"]


def test_trace_hook_sees_the_posts_names():
    calls = []
    result = pureneuron.train_network(pureneuron.TRASK_INPUTS, pureneuron.TRASK_3LAYER_OUTPUTS,
                                      [3, 4, 1], iterations=3,
                                      trace=lambda i, **names: calls.append((i, names)))
    assert [i for i, _ in calls] == [0, 1, 2]
    names = calls[-1][1]
    assert list(names) == ["l0", "l1", "l2", "l2_error", "l2_delta", "syn1_update", "syn1",
                           "l1_error", "l1_delta", "syn0_update", "syn0"]
    assert [names["syn0"], names["syn1"]] == result["weights"]
    assert names["l0"] == pureneuron.TRASK_INPUTS
    assert pureneuron.mean_absolute(names["l2_error"]) == result["errors"][-1]


# Bad input: one line on stderr, status 2, and nothing trained.

BAD_CSV = [
    ("0,0,1,0\n1,1,1\n", "data.csv line 2: 3 fields, but line 1 has 4"),
    ("a,b,c,t\n0,0,1,0\n\n0,x,1,1\n", "data.csv line 4, column 2: 'x' is not a number"),
    ("0,0,1,0\n0,,1,1\n", "data.csv line 2, column 2: '' is not a number"),
    ("0,0,1,0\n0,nan,1,1\n", "data.csv line 2, column 2: 'nan' is not a finite number"),
    ("0,0,1,0\n0,1,1,2\n", "data.csv line 2, column 4: the target 2 is outside 0..1"),
    ("0,0,1,-0.5\n", "data.csv line 1, column 4: the target -0.5 is outside 0..1"),
    ("\n\n", "data.csv has no examples"),
    ("a,b,answer\n", "data.csv has no examples"),
    ("1\n", "data.csv line 1: 1 field, but a line needs the inputs and then the target"),
]


@pytest.mark.parametrize("text, message", BAD_CSV)
def test_bad_csv(capsys, tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path, text)
    status, out, err = run_main(capsys, "train", "--data", "data.csv")
    assert (status, out) == (2, "")
    assert err.startswith("pureneuron.py: error: " + message)
    assert err.count("\n") == 1


def test_unreadable_data(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "binary.csv").write_bytes(b"0,0,\xff\n")
    (tmp_path / "folder").mkdir()
    for name, message in [("missing.csv", "cannot read missing.csv: No such file"),
                          ("folder", "cannot read folder: "),
                          ("binary.csv", "cannot read binary.csv: it is not UTF-8 text")]:
        status, out, err = run_main(capsys, "train", "--data", name)
        assert (status, out) == (2, "")
        assert err.startswith("pureneuron.py: error: " + message), err
        assert err.count("\n") == 1


BAD_OPTIONS = [
    (["--layers", "2,4,1"], "layers 2,4,1 start with 2 inputs, but the data has 3 inputs an "
                            "example"),
    (["--layers", "4,4,1", "--bias"], "(--bias adds its constant 1 itself: count only the data's)"),
    (["--layers", "3,4,2"], "layers 3,4,2 end with 2 outputs, but the data has 1 target"),
    (["--layers", "3,,1"], "--layers takes numbers separated by commas, like 3,4,1; got '3,,1'"),
    (["--layers", "3,a,1"], "--layers takes numbers separated by commas"),
    (["--layers", "3,4.5,1"], "--layers takes whole numbers, like 3,4,1; got '3,4.5,1'"),
    (["--layers", "3"], "--layers needs at least two sizes"),
    (["--layers", "3,0,1"], "layers 3,0,1: give two sizes or more, each a whole number of at "
                            "least 1"),
    (["--layers", "3,-4,1"], "layers 3,-4,1: give two sizes or more"),
    (["--ask", "1,0"], "--ask 1,0 gives 2 numbers, but the network takes 3 inputs"),
    (["--ask", "1,x,0"], "--ask takes numbers separated by commas, like 1,0,0; got '1,x,0'"),
    (["--alpha", "0"], "alpha must be a number more than 0, got 0.0"),
    (["--alpha", "-1"], "alpha must be a number more than 0, got -1.0"),
    (["--alpha", "inf"], "alpha must be a number more than 0, got inf"),
    (["--alpha", "fast"], "--alpha takes a number, like 0.5; got 'fast'"),
    (["--iterations", "-1"], "iterations must be 0 or more, got -1"),
    (["--iterations", "many"], "argument --iterations: expected a whole number, got 'many'"),
    (["--every", "-5"], "every must be 0 (never) or more, got -5"),
    (["--seed", "-1"], "seed must be an integer from 0 to 2**32 - 1"),
    (["--data", "nonesuch"], "cannot read nonesuch: No such file"),
    (["--ask"], "argument --ask: expected one argument"),
]


@pytest.mark.parametrize("options, message", BAD_OPTIONS)
def test_bad_options(capsys, options, message):
    status, out, err = run_main(capsys, "train", *options)
    assert status == 2
    assert message in err
    assert err.startswith("pureneuron.py: error: ") and err.count("\n") == 1
    assert out == ""  # checked before anything is printed or trained


def test_table_refuses_more_than_ten_inputs_before_training(capsys, tmp_path):
    path = write_csv(tmp_path, ",".join(["1"] * 12) + "\n")
    status, out, err = run_main(capsys, "train", "--data", path, "--table")
    assert (status, out) == (2, "")
    assert err == ("pureneuron.py: error: --table lists every 0/1 combination of the inputs, "
                   "for up to 10 inputs (1024 rows); this network has 11\n")


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_stops_with_one_line_and_status_130():
    here = os.path.dirname(os.path.abspath(pureneuron.__file__))
    # A shell's background job ignores Ctrl-C, and a child inherits that:
    # give the child the usual handling back, as a terminal would have it.
    child = subprocess.Popen([sys.executable, "-u", "pureneuron.py", "train",
                              "--iterations", "100000000"], cwd=here,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        assert child.stdout.readline().startswith("Data: trask")
        assert child.stdout.readline().startswith("Training layers 3,4,1")
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()  # never leave it training
        child.wait()
    assert child.returncode == 130
    assert err == "pureneuron.py: interrupted\n"


def test_update_is_the_negative_gradient_of_half_the_squared_error():
    """One iteration moves each weight by -d/dw of 0.5 * sum((y - out)**2), checked numerically."""
    X = [[0, 1], [1, 1], [1, 0]]
    y = [[1], [0], [0.5]]
    result = pureneuron.train_network(X, y, [2, 3, 1], iterations=1, seed=3, bias=True)
    start = result["starting_weights"]

    def loss(weights):
        # independent forward pass: plain loops and math.exp, bias input last
        total = 0.0
        for example, target in zip(X, y):
            values = list(example)
            for w in weights:
                values = values + [1.0]
                values = [1 / (1 + math.exp(-math.fsum(v * w[i][j] for i, v in enumerate(values))))
                          for j in range(len(w[0]))]
            total += 0.5 * (target[0] - values[0]) ** 2
        return total

    h = 1e-6
    for k, w in enumerate(start):
        for i in range(len(w)):
            for j in range(len(w[0])):
                plus = [[row[:] for row in m] for m in start]
                minus = [[row[:] for row in m] for m in start]
                plus[k][i][j] += h
                minus[k][i][j] -= h
                gradient = (loss(plus) - loss(minus)) / (2 * h)
                update = result["weights"][k][i][j] - w[i][j]
                assert update == pytest.approx(-gradient, abs=1e-8)


def test_short_run_matches_numpy():
    np = pytest.importorskip("numpy")
    X = np.array(pureneuron.TRASK_INPUTS, dtype=float)
    y = np.array(pureneuron.TRASK_3LAYER_OUTPUTS, dtype=float)
    for bias, alpha in [(False, 1.0), (True, 0.5)]:
        np.random.seed(7)
        extra = 1 if bias else 0
        syn0 = 2 * np.random.random((3 + extra, 4)) - 1
        syn1 = 2 * np.random.random((4 + extra, 1)) - 1

        def with_bias(m):
            return np.hstack([m, np.ones((len(m), 1))]) if bias else m

        errors = []
        for _ in range(200):
            l1 = 1 / (1 + np.exp(-with_bias(X).dot(syn0)))
            l2 = 1 / (1 + np.exp(-with_bias(l1).dot(syn1)))
            l2_error = y - l2
            errors.append(np.mean(np.abs(l2_error)))
            l2_delta = l2_error * l2 * (1 - l2)
            l1_delta = l2_delta.dot(syn1[:4].T) * l1 * (1 - l1)
            syn1 = syn1 + alpha * with_bias(l1).T.dot(l2_delta)
            syn0 = syn0 + alpha * with_bias(X).T.dot(l1_delta)
        result = pureneuron.train_network(pureneuron.TRASK_INPUTS,
                                          pureneuron.TRASK_3LAYER_OUTPUTS, [3, 4, 1],
                                          iterations=200, alpha=alpha, seed=7, bias=bias)
        assert np.allclose(result["weights"][0], syn0, rtol=1e-9, atol=1e-12)
        assert np.allclose(result["weights"][1], syn1, rtol=1e-9, atol=1e-12)
        assert np.allclose(result["errors"], errors, rtol=1e-9, atol=1e-12)


def test_sigmoid_picture(capsys):
    status, out, err = run_main(capsys, "sigmoid")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines == pureneuron.sigmoid_picture()
    assert all(len(line) <= 80 for line in lines)
    assert all(set(line) <= set(string.printable) - set("\t\r\x0b\x0c") for line in lines)
    grid = lines[2:23]  # 21 rows, y = 1.00 at the top
    assert [line[:4] for line in grid[::5]] == ["1.00", "0.75", "0.50", "0.25", "0.00"]
    assert all(line[5] == "|" for line in grid)
    axis, ticks = lines[23], lines[24]
    assert axis.endswith("  x") and axis.count("+") == 13  # the corner and x = -5..6
    assert ticks.split() == [str(x) for x in range(-6, 7)]
    # one curve point a column, never falling as x grows
    heights = []
    for c in range(61):
        marks = [20 - r for r, line in enumerate(grid) if len(line) > 6 + c
                 and line[6 + c] in "*=O"]
        assert len(marks) == 1
        heights.append(marks[0])
    assert heights == sorted(heights) and heights[0] == 0 and heights[-1] == 20
    # the steepest point is at x = 0 (under the tick "0"), y = 0.5
    assert "".join(grid).count("O") == 1
    row = next(r for r, line in enumerate(grid) if "O" in line)
    assert grid[row].startswith("0.50") and grid[row].index("O") == ticks.index("0")
    # flat marks exactly where |x| >= 4
    flat = [c for c in range(61) if any(len(l) > 6 + c and l[6 + c] == "=" for l in grid)]
    assert flat == list(range(0, 11)) + list(range(50, 61))
    assert "slope 0.25" in out and "|x| >= 4: slope below 0.02" in out


def test_plot_survives_an_error_that_is_not_a_number():
    lines = pureneuron.error_plot([0.5, float("nan"), 0.4], width=3, height=3)
    assert lines[1] == "      0.5 |*" and lines[3] == "      0.4 |  *"
    assert pureneuron.error_plot([float("nan")]) == [
        "The error is not a number (nan): the weights overflowed. Try a smaller --alpha."]


# --- follow-up posts and trace (issue 5) ---

# Milo's follow-up post, as printed there (the lines ending ": " keep their space).
FOLLOW_MULTI_LAYER_POST = """\
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
"""

# Trask's Part 2, third program, alpha 10: the largest alpha today's numpy
# still reproduces with 4 hidden neurons (as post_trask_p2_direction_output.txt).
FOLLOW_DIRECTIONS_ALPHA_10_POST = """
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
"""

# The first error of each of the post's sweeps (every alpha starts from seed 1).
FOLLOW_FIRST_ERROR = {4: "0.496410031903", 32: "0.496439922501"}
FOLLOW_POST_ALPHAS = ["0.001", "0.01", "0.1", "1", "10", "100", "1000"]


def follow_main(capsys, *argv):
    """pureneuron.main(argv): (exit status, stdout, stderr)."""
    status = pureneuron.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.full_length
def test_follow_multi_layer_prints_the_post_exactly(capsys):
    assert FOLLOW_MULTI_LAYER_POST.count(": \n") == 5  # the trailing spaces survived editing
    assert follow_main(capsys, "multi-layer") == (0, FOLLOW_MULTI_LAYER_POST, "")


@pytest.mark.full_length
def test_follow_gradient_descent_alpha_10_prints_the_post_exactly(capsys):
    assert follow_main(capsys, "gradient-descent", "--directions", "--alpha", "10") == (
        0, FOLLOW_DIRECTIONS_ALPHA_10_POST, "")


@pytest.mark.parametrize("hidden", [4, 32])
def test_follow_gradient_descent_sweeps_the_posts_alphas_in_its_layout(capsys, hidden):
    status, out, err = follow_main(capsys, "gradient-descent", "--hidden", str(hidden),
                                   "--iterations", "1")
    expected = "".join("\nTraining With Alpha:%s\nError after 0 iterations:%s\n"
                       % (alpha, FOLLOW_FIRST_ERROR[hidden]) for alpha in FOLLOW_POST_ALPHAS)
    assert (status, out, err) == (0, expected, "")


def test_follow_gradient_descent_alpha_1000_sits_at_one_half(capsys):
    status, out, err = follow_main(capsys, "gradient-descent", "--alpha", "1000",
                                   "--iterations", "10001")
    assert (status, out, err) == (0, "\nTraining With Alpha:1000\n"
                                     "Error after 0 iterations:0.496410031903\n"
                                     "Error after 10000 iterations:0.5\n", "")


@pytest.mark.parametrize("text, printed", [("1", "1"), ("0.5", "0.5"), ("1e3", "1000.0"),
                                           ("1.0", "1.0"), ("0.001", "0.001")])
def test_follow_alpha_prints_as_python_prints_what_was_given(capsys, text, printed):
    status, out, err = follow_main(capsys, "gradient-descent", "--alpha", text,
                                   "--iterations", "0")
    assert (status, out, err) == (0, "\nTraining With Alpha:%s\n" % printed, "")


def test_follow_short_runs_still_print_iteration_0(capsys):
    status, out, err = follow_main(capsys, "gradient-descent", "--alpha", "1", "--alpha", "2",
                                   "--iterations", "5")
    assert (status, err) == (0, "")
    assert out == ("\nTraining With Alpha:1\nError after 0 iterations:0.496410031903\n"
                   "\nTraining With Alpha:2\nError after 0 iterations:0.496410031903\n")


def follow_numpy_gradient_descent(np, alphas, hidden, seed, iterations, finals=None):
    """What Trask's Part 2 third program prints (numpy 1.13 style), any seed and length.

    Appends each alpha's synapses and direction counts to `finals` if given.
    """
    def sigmoid(x):
        return 1 / (1 + np.exp(-x))

    def legacy(a):
        with np.printoptions(legacy="1.13"):
            return str(a)

    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0, 1, 1, 0]]).T
    lines = []
    for alpha in alphas:
        lines += ["", "Training With Alpha:" + str(alpha)]
        np.random.seed(seed)
        synapse_0 = 2 * np.random.random((3, hidden)) - 1
        synapse_1 = 2 * np.random.random((hidden, 1)) - 1
        previous_0, previous_1 = np.zeros_like(synapse_0), np.zeros_like(synapse_1)
        changes_0, changes_1 = np.zeros_like(synapse_0), np.zeros_like(synapse_1)
        with np.errstate(over="ignore"):
            for j in range(iterations):
                layer_1 = sigmoid(np.dot(X, synapse_0))
                layer_2 = sigmoid(np.dot(layer_1, synapse_1))
                layer_2_error = layer_2 - y
                if j % 10000 == 0:
                    lines.append("Error:" + pureneuron.format_error(
                        float(np.mean(np.abs(layer_2_error)))))
                layer_2_delta = layer_2_error * (layer_2 * (1 - layer_2))
                layer_1_delta = layer_2_delta.dot(synapse_1.T) * (layer_1 * (1 - layer_1))
                update_1 = layer_1.T.dot(layer_2_delta)
                update_0 = X.T.dot(layer_1_delta)
                if j > 0:
                    changes_0 += np.abs((update_0 > 0) + 0 - ((previous_0 > 0) + 0))
                    changes_1 += np.abs((update_1 > 0) + 0 - ((previous_1 > 0) + 0))
                synapse_1 -= alpha * update_1
                synapse_0 -= alpha * update_0
                previous_0, previous_1 = update_0, update_1
        if finals is not None:
            finals.append((synapse_0, changes_0, synapse_1, changes_1))
        for number, synapse, changes in (("0", synapse_0, changes_0), ("1", synapse_1, changes_1)):
            lines += ["Synapse " + number, legacy(synapse),
                      "Synapse %s Update Direction Changes" % number, legacy(changes)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed, iterations, hidden", [(1, 300, 4), (0, 150, 5), (7, 80, 3)])
def test_follow_gradient_descent_and_its_direction_counts_agree_with_numpy(
        capsys, seed, iterations, hidden):
    np = pytest.importorskip("numpy")
    alphas = ["0.5", "10", "1000"]
    argv = ["gradient-descent", "--directions", "--seed", str(seed), "--iterations",
            str(iterations), "--hidden", str(hidden)]
    for alpha in alphas:
        argv += ["--alpha", alpha]
    status, out, err = follow_main(capsys, *argv)
    expected = follow_numpy_gradient_descent(np, [0.5, 10, 1000], hidden, seed, iterations)
    assert (status, out, err) == (0, expected, "")
    assert "Update Direction Changes\n[[ 0." in out or "Changes\n[[  " in out


def test_follow_gradient_descent_with_32_hidden_agrees_with_numpy():
    np = pytest.importorskip("numpy")
    finals = []
    text = follow_numpy_gradient_descent(np, [1, 10], 32, 3, 40, finals)
    for alpha, (synapse_0, changes_0, synapse_1, changes_1) in zip([1, 10], finals):
        result = pureneuron.gradient_descent(alpha, seed=3, iterations=40, hidden_size=32,
                                             directions=True)
        assert "Error:%s\n" % pureneuron.format_error(result["errors"][0][1]) in text
        assert result["syn0_direction_count"] == changes_0.tolist()
        assert result["syn1_direction_count"] == changes_1.tolist()
        # numpy's dot may fuse a multiply and an add, so the last bits may differ
        assert np.allclose(result["syn0"], synapse_0, rtol=1e-12, atol=0)
        assert np.allclose(result["syn1"], synapse_1, rtol=1e-12, atol=0)


def follow_numpy_multi_layer(np, seed, iterations):
    """What Milo's multi-layered network prints (numpy 1.13 style), any seed and length."""
    def sigmoid(x):
        return 1 / (1 + np.exp(-x))

    def legacy(a):
        with np.printoptions(legacy="1.13"):
            return str(a)

    np.random.seed(seed)
    weights_1 = 2 * np.random.random((3, 4)) - 1
    weights_2 = 2 * np.random.random((4, 1)) - 1
    X = np.array(pureneuron.MULTILAYER_INPUTS)
    y = np.array(pureneuron.MULTILAYER_OUTPUTS)

    def weights():
        return ["    Layer 1 (4 neurons, each with 3 inputs): ", legacy(weights_1),
                "    Layer 2 (1 neuron, with 4 inputs):", legacy(weights_2)]
    lines = ["Stage 1) Random starting synaptic weights: "] + weights()
    for _ in range(iterations):
        output_1 = sigmoid(np.dot(X, weights_1))
        output_2 = sigmoid(np.dot(output_1, weights_2))
        delta_2 = (y - output_2) * (output_2 * (1 - output_2))
        delta_1 = delta_2.dot(weights_2.T) * (output_1 * (1 - output_1))
        adjustment_1, adjustment_2 = X.T.dot(delta_1), output_1.T.dot(delta_2)
        weights_1 += adjustment_1
        weights_2 += adjustment_2
    lines += ["Stage 2) New synaptic weights after training: "] + weights()
    hidden = sigmoid(np.dot(np.array([1, 1, 0]), weights_1))
    lines += ["Stage 3) Considering a new situation [1, 1, 0] -> ?: ",
              legacy(sigmoid(np.dot(hidden, weights_2)))]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed, iterations", [(0, 1), (3, 250), (2**32 - 1, 1200)])
def test_follow_multi_layer_agrees_with_numpy_for_other_seeds(capsys, seed, iterations):
    np = pytest.importorskip("numpy")
    status, out, err = follow_main(capsys, "multi-layer", "--seed", str(seed),
                                   "--iterations", str(iterations))
    assert (status, out, err) == (0, follow_numpy_multi_layer(np, seed, iterations), "")


def test_follow_multi_layer_starts_from_the_weights_drawn_in_order():
    result = pureneuron.multi_layer(iterations=0)
    rng = pureneuron.numpy_random(1)
    assert result["starting_weights"] == (pureneuron.random_weights(rng, 3, 4),
                                          pureneuron.random_weights(rng, 4, 1))
    assert result["synaptic_weights"] == result["starting_weights"]


def test_follow_direction_counts_count_each_turn_of_each_weight():
    assert pureneuron.turned([[1.0, -1.0], [0.0, 2.0]], [[-1.0, 1.0], [0.0, 3.0]]) == [
        [1.0, 1.0], [0.0, 0.0]]
    one = pureneuron.gradient_descent(10, iterations=1, directions=True)
    assert one["syn0_direction_count"] == [[0.0] * 4] * 3  # nothing to turn from yet
    assert "syn0_direction_count" not in pureneuron.gradient_descent(10, iterations=1)


def test_follow_no_arguments_runs_multi_layer_but_not_gradient_descent(capsys, monkeypatch):
    ran = []
    for program in pureneuron.PROGRAMS:
        monkeypatch.setattr(program, "run", lambda seed, iterations, trace, name=program.name:
                            ran.append(name) or name)
        monkeypatch.setattr(program, "show", lambda result: print("shown", result))
    status, out, err = follow_main(capsys)
    assert (status, err) == (0, "")
    assert "multi-layer" in ran and "gradient-descent" not in ran
    assert ran == [p.name for p in pureneuron.PROGRAMS if p.in_default_run]


# --- --trace ---

FOLLOW_TRACE_RUNS = {
    "nine-lines": ([], ["output", "synaptic_weights"]),
    "neuron": ([], ["output", "error", "adjustment", "synaptic_weights"]),
    "two-layer": ([], ["l0", "l1", "l1_error", "l1_delta", "syn0"]),
    "three-layer": ([], ["l0", "l1", "l2", "l2_error", "l2_delta", "l1_error", "l1_delta",
                         "syn1", "syn0"]),
    "eleven-lines": ([], ["l1", "l2", "l2_delta", "l1_delta", "syn1", "syn0"]),
    "multi-layer": ([], ["output_from_layer_1", "output_from_layer_2", "layer2_error",
                         "layer2_delta", "layer1_error", "layer1_delta", "layer1_adjustment",
                         "layer2_adjustment", "layer1", "layer2"]),
    "gradient-descent": (["--alpha", "10"], ["alpha", "l0", "l1", "l2", "l2_error", "l2_delta",
                                             "l1_error", "l1_delta", "syn1_update",
                                             "syn0_update", "syn1", "syn0"]),
}


@pytest.mark.parametrize("name", sorted(FOLLOW_TRACE_RUNS))
def test_follow_trace_shows_first_and_last_iteration_under_the_posts_names(capsys, name):
    options, names = FOLLOW_TRACE_RUNS[name]
    argv = [name, "--iterations", "4"] + options
    status, plain, err = follow_main(capsys, *argv)
    assert (status, err) == (0, "")
    status, traced, err = follow_main(capsys, *(argv + ["--trace"]))
    assert (status, err) == (0, "")
    assert "--- iteration" not in plain
    # the trace comes first; the normal output follows, unchanged
    trace, normal = traced[:len(traced) - len(plain)], traced[len(traced) - len(plain):]
    assert normal == plain
    blocks = trace.split("--- iteration ")
    assert blocks[0] == "" and [b.split(" ---\n")[0] for b in blocks[1:]] == ["0", "3"]
    for block in blocks[1:]:
        notes = [line for line in block.splitlines()[1:] if re.match(r"[a-z_0-9]+: ", line)]
        assert notes == ["%s: %s" % (n, pureneuron.TRACE_NOTES[n]) for n in names]


@pytest.mark.parametrize("before, after", [(["--trace"], ["--seed", "2"]),
                                           (["--seed", "2", "--trace"], []),
                                           (["--seed", "2"], ["--trace"])])
def test_follow_options_before_the_program_name_count_too(capsys, before, after):
    expected = follow_main(capsys, "two-layer", "--iterations", "2", "--seed", "2", "--trace")
    assert "--- iteration 1 ---" in expected[1]
    assert follow_main(capsys, *(before + ["two-layer", "--iterations", "2"] + after)) == expected
    assert follow_main(capsys, "--seed", "2", "--iterations", "2", "nine-lines") == follow_main(
        capsys, "nine-lines", "--seed", "2", "--iterations", "2")


def test_follow_trace_of_one_iteration_shows_it_once(capsys):
    status, out, err = follow_main(capsys, "two-layer", "--iterations", "1", "--trace")
    assert (status, err) == (0, "")
    assert out.count("--- iteration") == 1 and out.startswith("--- iteration 0 ---\n")


def test_follow_trace_shows_the_values_the_program_computed(capsys):
    seen = []
    result = pureneuron.three_layer(iterations=3, trace=lambda j, **names: seen.append(names))
    assert len(seen) == 3 and seen[-1]["l2"] == result["l2"] and seen[-1]["syn0"] == result["syn0"]
    pureneuron.print_trace(2, {"l2": result["l2"], "alpha": 10})
    out = capsys.readouterr()[0]
    assert out == ("--- iteration 2 ---\nl2: %s\n%s\nalpha: %s\n10\n" % (
        pureneuron.TRACE_NOTES["l2"], pureneuron.format_matrix(result["l2"]),
        pureneuron.TRACE_NOTES["alpha"]))


def test_follow_every_trace_note_is_one_line():
    for name, note in pureneuron.TRACE_NOTES.items():
        assert note and "\n" not in note and len(name + ": " + note) <= 80, name


# --- bad input ---

@pytest.mark.parametrize("argv, message", [
    (["--alpha", "0"], "argument --alpha: the learning rate must be above 0 and finite, got '0'"),
    (["--alpha", "-0.5"], "the learning rate must be above 0 and finite, got '-0.5'"),
    (["--alpha", "fast"], "argument --alpha: expected a number, got 'fast'"),
    (["--alpha", "nan"], "the learning rate must be above 0 and finite, got 'nan'"),
    (["--alpha", "inf"], "the learning rate must be above 0 and finite, got 'inf'"),
    (["--alpha", "1", "--alpha", "0"], "got '0'"),
    (["--hidden", "0"], "argument --hidden: a layer needs at least 1 neuron, got '0'"),
    (["--hidden", "-3"], "a layer needs at least 1 neuron, got '-3'"),
    (["--hidden", "1.5"], "argument --hidden: expected a whole number, got '1.5'"),
    (["--iterations", "-1"], "gradient-descent needs --iterations of at least 0, got -1"),
])
def test_follow_bad_gradient_descent_settings_exit_2_with_one_line(capsys, argv, message):
    status, out, err = follow_main(capsys, "gradient-descent", *argv)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("pureneuron.py: error: ")
    assert message in err


@pytest.mark.parametrize("argv", [["multi-layer", "--alpha", "1"],
                                  ["three-layer", "--hidden", "2"],
                                  ["multi-layer", "--iterations", "-2"]])
def test_follow_options_belong_to_their_program(capsys, argv):
    status, out, err = follow_main(capsys, *argv)
    assert (status, out, err.count("\n")) == (2, "", 1)


# --- train --trace, and output cut short ------------------------------------

def test_train_trace_names_every_layer_of_a_deeper_network(capsys):
    status, out, err = run_main(capsys, "train", "--layers", "3,4,3,1", "--iterations", "3",
                                "--trace")
    assert (status, err) == (0, "")
    assert out.count("--- iteration 0 ---") == 1 and out.count("--- iteration 2 ---") == 1
    assert "--- iteration 1 ---" not in out
    for line in ["l3: layer 3's outputs: sigmoid(l2 . syn2)",
                 "l3_error: l3's blame: y - l3 if l3 is the answer, else l4_delta . syn3^T",
                 "syn2_update: syn2's step before alpha scales it: l2^T . l3_delta",
                 "syn2: the weights from layer 2 to layer 3, after this update",
                 "l1_delta: l1_error times the sigmoid's slope at l1"]:
        assert line + "\n" in out


def test_output_cut_short_by_the_reader_ends_quietly():
    # `python3 pureneuron.py --list | head -1`: no BrokenPipeError traceback.
    command = "%s %s --list | head -1" % (sys.executable, os.path.join(HERE, "pureneuron.py"))
    result = subprocess.run(["bash", "-c", "set -o pipefail; " + command], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    assert result.stdout.startswith("nine-lines")
    assert "Traceback" not in result.stderr


# --- speed / bench (issue 3) ---

def test_bench_prints_a_timing_line_for_every_registered_program(capsys):
    assert pureneuron.main(["bench", "--iterations", "2", "--runs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    import platform
    assert platform.python_implementation() in lines[0]
    assert platform.python_version() in lines[0]
    names = [program.name for program in pureneuron.PROGRAMS]
    assert len(lines) == 1 + len(names)
    for name, line in zip(names, lines[1:]):
        assert re.match(r"%s +\d+\.\d \u00b5s an iteration  \(2 iterations a run\)$"
                        % re.escape(name), line), line


def test_bench_times_programs_added_to_the_registry_later(capsys, monkeypatch):
    calls = []

    def run(seed, iterations):
        calls.append(iterations)
        return None

    extra = pureneuron.Program("extra", run, print, 7, 1, "a program registered later")
    monkeypatch.setattr(pureneuron, "PROGRAMS", [extra])
    assert pureneuron.main(["bench", "--iterations", "3", "--runs", "2"]) == 0
    assert calls == [3, 3, 3]  # one warm-up run, then the two timed
    assert capsys.readouterr().out.splitlines()[1].startswith("extra ")


@pytest.mark.parametrize("argv", [["bench", "--runs", "0"], ["bench", "--iterations", "0"],
                                  ["bench", "--runs", "x"]])
def test_bench_rejects_bad_counts_in_one_line(capsys, argv):
    assert pureneuron.main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("pureneuron.py: error: ") and err.count("\n") == 1


# The fast helpers check entries through their arithmetic; these pin that
# nothing slips through where Python itself would quietly succeed.
@pytest.mark.parametrize("call", [
    lambda: pureneuron.add_matrices([["a"]], [["b"]]),
    lambda: pureneuron.add_matrices([[(1,)]], [[(2,)]]),
    lambda: pureneuron.multiply([["a"]], [[1]]),
    lambda: pureneuron.multiply([[1]], [[[1]]]),
    lambda: pureneuron.multiply(2, [["a"]]),
    lambda: pureneuron.subtract([[None]], [[1]]),
    lambda: pureneuron.dot([["a"]], [[2]]),
    lambda: pureneuron.dot([[True]], [[[1]]]),
    lambda: pureneuron.dot(["a", 1], [[1], [2]]),
    lambda: pureneuron.sigmoid([["x"]]),
    lambda: pureneuron.sigmoid_slope([["x"]]),
    lambda: pureneuron.mean_absolute([[[1]]]),
])
def test_fast_helpers_reject_entries_that_are_not_numbers(call):
    with pytest.raises(TypeError, match="a matrix holds numbers, not "):
        call()


@pytest.mark.parametrize("call", [
    lambda: pureneuron.transpose([[1, 2], [3]]),
    lambda: pureneuron.dot([[1, 2], [3]], [[1], [2]]),
    lambda: pureneuron.dot([[1, 2]], [[1], [2, 3]]),
    lambda: pureneuron.add_matrices([[1, 2], [3]], [[1, 2], [3, 4]]),
    lambda: pureneuron.multiply([[1]], [[1, 2]]),
    lambda: pureneuron.sigmoid([[1], [2, 3]]),
    lambda: pureneuron.sigmoid_slope([[]]),
    lambda: pureneuron.subtract(1, []),
    lambda: pureneuron.dot([[1, 2], 3], [[1], [2]]),
])
def test_fast_helpers_reject_ragged_or_empty_matrices(call):
    with pytest.raises(ValueError):
        call()


def test_fast_helpers_keep_numbers_as_they_are():
    assert pureneuron.add_matrices([[True, 2]], [[1, -0.0]]) == [[2, 2.0]]
    assert str(pureneuron.multiply([[-0.0]], [[1.0]])[0][0]) == "-0.0"
    assert pureneuron.multiply([[3]], [[10 ** 30]]) == [[3 * 10 ** 30]]
    assert pureneuron.sigmoid([[-1000.0, 1000.0]]) == [[0.0, 1.0]]
    assert pureneuron.sigmoid([-1000.0]) == [0.0]


def test_fast_programs_agree_with_numpy_for_other_seeds():
    np = pytest.importorskip("numpy")
    for seed in range(4):
        result = pureneuron.three_layer(seed, 300)
        X = np.array(pureneuron.TRASK_INPUTS)
        y = np.array(pureneuron.TRASK_3LAYER_OUTPUTS)
        np.random.seed(seed)
        syn0 = 2 * np.random.random((3, 4)) - 1
        syn1 = 2 * np.random.random((4, 1)) - 1
        for j in range(300):
            l1 = 1 / (1 + np.exp(-np.dot(X, syn0)))
            l2 = 1 / (1 + np.exp(-np.dot(l1, syn1)))
            l2_delta = (y - l2) * (l2 * (1 - l2))
            l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
            syn1 += l1.T.dot(l2_delta)
            syn0 += X.T.dot(l1_delta)
        assert np.allclose(result["syn0"], syn0, rtol=1e-12, atol=1e-14)
        assert np.allclose(result["l2"], l2, rtol=1e-12, atol=1e-14)
        with np.printoptions(legacy="1.13"):
            assert pureneuron.format_matrix(result["syn0"]) == str(syn0)
            assert pureneuron.format_matrix(result["l2"]) == str(l2)


# --- the README says what the file does and prints --------------------------

README = os.path.join(HERE, "README.md")


def readme_text():
    with open(README, encoding="utf-8") as file:
        return file.read()


def test_readme_starts_with_the_two_commands():
    fence = readme_text().split("```")[1]
    assert fence.strip().splitlines() == [
        "python3 pureneuron.py", "python3 -m pip install pytest && python3 -m pytest"]


def test_readme_shows_what_the_no_argument_run_prints():
    shown = readme_text().split("## What it prints")[1].split("```")[1].lstrip("\n")
    expected = dict(POST_OUTPUTS, **{"multi-layer": FOLLOW_MULTI_LAYER_POST})
    programs = [p for p in pureneuron.PROGRAMS if p.in_default_run]
    assert shown == "\n".join("== %s: %s\n%s" % (p.name, p.summary, expected[p.name])
                              for p in programs)


def test_readme_line_references_point_at_those_lines():
    with open(os.path.join(HERE, "pureneuron.py"), encoding="utf-8") as file:
        lines = file.read().split("\n")
    references = re.findall(r"line (\d+): `([^`]+)`", readme_text())
    assert len(references) > 40
    for number, code in references:
        assert code in lines[int(number) - 1], (number, code)


def readme_sessions():
    """Each `$ command` in the README's code blocks with the text shown under it, and files shown with cat."""
    lines, sessions, in_fence, i = readme_text().split("\n"), [], False, 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith("```"):
            in_fence = not in_fence
            continue
        indented = not in_fence and line.startswith("    ")
        if not (in_fence or indented) or not line.lstrip().startswith("$ "):
            continue
        command, shown = line.lstrip()[2:], []
        while i < len(lines):
            text = lines[i]
            if in_fence and (text.startswith("```") or text.startswith("$ ")):
                break
            if indented:
                if text.strip() and not text.startswith("    ") or text[4:].startswith("$ "):
                    break
                text = text[4:]
            shown.append(text.rstrip())
            i += 1
        sessions.append((command, "\n".join(shown).strip("\n")))
    files = {c[4:]: text + "\n" for c, text in sessions if c.startswith("cat ")}
    return [(c, text) for c, text in sessions if c.startswith("python3 pureneuron.py")], files


@pytest.mark.full_length
def test_readme_sessions_print_what_the_readme_shows(capsys, monkeypatch, tmp_path):
    sessions, files = readme_sessions()
    assert len(sessions) >= 14 and "weather.csv" in files
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    for command, shown in sessions:
        status, out, err = run_main(capsys, *command.split()[2:])
        printed = "\n".join(line.rstrip() for line in (out + err).split("\n")).strip("\n")
        assert printed == shown.strip("\n"), command


# --- portability (issue 4) ---
#
# What a notebook (JupyterLite, PyScript, plain Jupyter) relies on.  These use
# no subprocess, so they also run under Pyodide, where processes do not exist.

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
