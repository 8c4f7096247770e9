"""Tests for pureneuron.py: the posts' numbers, exactly, and each helper against independent references.

The posts' outputs are written out below, so the tests need nothing but this
repository.  Where numpy is installed, the helpers and programs are also
compared with numpy itself (pureneuron never imports it); elsewhere those
tests are skipped.
"""

import glob
import math
import os
import random
import shutil
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
        monkeypatch.setattr(program, "run", lambda seed, iterations, name=program.name:
                            ran.append((name, seed, iterations)) or {"name": name})
        monkeypatch.setattr(program, "show", lambda result: print("shown", result["name"]))
    status, out, err = run_main(capsys, "--seed", "3")
    assert status == 0 and err == ""
    assert ran == [(p.name, 3, p.iterations) for p in pureneuron.PROGRAMS]
    for program in pureneuron.PROGRAMS:
        assert "== %s: %s\nshown %s\n" % (program.name, program.summary, program.name) in out


def test_list_names_each_program_on_its_own_line(capsys):
    status, out, err = run_main(capsys, "--list")
    assert status == 0 and err == ""
    assert [line.split()[0] for line in out.splitlines()] == [p.name for p in pureneuron.PROGRAMS]


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
