"""pureneuron: the first neural networks of two famous blog posts, in pure Python.

Milo Spencer-Harper's "How to build a simple neural network in 9 lines of
Python code" (one neuron) and Andrew Trask's "A Neural Network in 11 lines of
Python" (backpropagation through a hidden layer) taught many people their
first neural network.  Both lean on numpy, which hides the arithmetic they
teach.  This file rebuilds them with nothing but the standard library: lists
of lists, a hand-written transpose and dot product, math.exp, and a random
generator seeded exactly as numpy seeds its own, so every program prints the
posts' own numbers, digit for digit.

    python3 pureneuron.py               # run every program of the posts
    python3 pureneuron.py three-layer   # run one, printing what the post printed
    python3 pureneuron.py --list        # name the programs

Read it top to bottom: random numbers, matrices, the sigmoid, the programs,
then printing and the command line.

Glossary of the posts' names:
    X, l0        the inputs, one training example a row (l0 is "layer 0")
    y            the targets, one row an example
    syn0, syn1   Trask's weight matrices ("synapses") from layer 0 to 1, 1 to 2
    l1, l2       a layer's outputs: the sigmoid of its inputs times its weights
    l1_error     how far a layer's output is from what it should have been
    l1_delta     that error scaled by the sigmoid's slope: the size of the nudge
    synaptic_weights   Milo's name for the single neuron's weights
"""

import argparse
import math
import random
import sys
import time
from itertools import repeat
from operator import add, mul, sub
from typing import List, Sequence, Tuple, Union

# ---------------------------------------------------------------------------
# 1. Random numbers like numpy's
#
# Every program starts with np.random.seed(1) and draws its weights from
# numpy's Mersenne Twister.  Python's `random` module runs the same generator
# (MT19937) and turns two 32-bit draws into a float the same way numpy does;
# only the seeding differs.  So we compute the state numpy's seed would give
# and load it into a random.Random: from then on the two streams agree.
# ---------------------------------------------------------------------------

MT_STATE_SIZE = 624


def numpy_random(seed: int) -> random.Random:
    """A random.Random that draws what numpy draws after np.random.seed(seed).

    >>> rng = numpy_random(1)
    >>> rng.random(), rng.random()
    (0.417022004702574, 0.7203244934421581)
    """
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**32:
        raise ValueError("seed must be an integer from 0 to 2**32 - 1 "
                         "(4294967295), got %r" % (seed,))
    # numpy's init_genrand: each word of the state is made from the one before.
    state = [seed]
    for i in range(1, MT_STATE_SIZE):
        previous = state[-1]
        state.append((1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF)
    rng = random.Random()
    # Version 3 of random's state; the final 624 says "all words used up", so
    # the first draw twists the state, exactly as numpy's first draw does.
    rng.setstate((3, tuple(state) + (MT_STATE_SIZE,), None))
    return rng


def random_weights(rng: random.Random, rows: int, cols: int) -> "Matrix":
    """Weights drawn evenly from -1 to 1, row by row: numpy's 2*random((rows, cols)) - 1.

    >>> random_weights(numpy_random(1), 3, 1)
    [[-0.165955990594852], [0.4406489868843162], [-0.9997712503653102]]
    """
    return [[2 * rng.random() - 1 for _ in range(cols)] for _ in range(rows)]


# ---------------------------------------------------------------------------
# 2. Matrices as lists of lists
#
# A matrix is a list of rows, each row a list of numbers: [[0, 0, 1], [1, 1, 1]]
# is 2x3.  numpy checks shapes for the posts; here every helper checks its own
# operands and says what did not fit, because zip() would otherwise quietly
# drop whatever is left over.
#
# These helpers run a dozen times in every training iteration, so they use
# what Python runs fastest (zip, map, comprehensions) and check cheaply: the
# outline of a matrix up front, its entries by the arithmetic itself, which
# raises a TypeError for anything but a number (0.0 + 'a', 1 - None, -[1]).
# Only where + and * would quietly join or repeat strings and lists
# ('a' + 'b', [1] * 2) does a helper add a check of its own.
# ---------------------------------------------------------------------------

Number = Union[int, float]
Vector = List[Number]
Matrix = List[Vector]


def shape(m: Matrix) -> Tuple[int, int]:
    """The (rows, columns) of a matrix, after checking it is a filled rectangle.

    >>> shape([[0, 0, 1], [1, 1, 1]])
    (2, 3)
    """
    if not isinstance(m, (list, tuple)) or not m:
        raise ValueError("a matrix must be a non-empty list of rows, got %r" % (m,))
    try:
        cols = len(m[0])
        for row in m:
            if len(row) != cols:
                raise ValueError("ragged matrix: its rows have %s entries"
                                 % " and ".join(map(str, sorted(set(map(len, m))))))
    except TypeError:  # a row that is a number, not a list
        raise ValueError("a matrix must be a list of rows (lists), got %r" % (m,)) from None
    if cols == 0:
        raise ValueError("a matrix's rows must not be empty")
    return len(m), cols


def _check_numbers(*matrices: Matrix) -> None:
    """Name the first entry that is not a number: what the helpers do once their arithmetic failed.

    >>> _check_numbers([[1, 2.5]], [[True, "7"]])
    Traceback (most recent call last):
    TypeError: a matrix holds numbers, not '7'
    """
    for m in matrices:
        for row in m:
            for x in row:
                if not isinstance(x, (int, float)):
                    raise TypeError("a matrix holds numbers, not %r" % (x,))


def describe(m: Matrix) -> str:
    """A matrix's shape in words, as error messages use it.

    >>> describe([[1, 2, 3]])
    '1x3 matrix'
    """
    rows, cols = shape(m)
    return "%dx%d matrix" % (rows, cols)


def _as_rows(a: Union[Vector, Matrix]) -> Tuple[Matrix, bool]:
    """A matrix as it is, or a plain list as a matrix of one row; and whether it was a plain list.

    >>> _as_rows([1, 0, 0])
    ([[1, 0, 0]], True)
    """
    vector = isinstance(a, (list, tuple)) and bool(a) and not isinstance(a[0], (list, tuple))
    return ([a] if vector else a), vector


def transpose(m: Matrix) -> Matrix:
    """Rows become columns: numpy's m.T.

    >>> transpose([[0, 0, 1], [0, 1, 1]])
    [[0, 0], [0, 1], [1, 1]]
    """
    shape(m)
    return list(map(list, zip(*m)))


def dot(a: Union[Vector, Matrix], b: Matrix) -> Union[Vector, Matrix]:
    """The matrix product a·b; a plain list for `a` gives a plain list, as numpy's dot does.

    Each entry is a row of `a` times a column of `b`, multiplied pairwise
    and added up from left to right, the order numpy adds them in.

    >>> dot([[1, 2], [3, 4]], [[5], [6]])
    [[17.0], [39.0]]
    >>> dot([1, 0, 0], [[0.5], [2.0], [3.0]])
    [0.5]
    """
    rows, vector = _as_rows(a)
    (a_rows, a_cols), (b_rows, b_cols) = shape(rows), shape(b)
    if a_cols != b_rows:
        left = "vector of %d" % a_cols if vector else "%dx%d matrix" % (a_rows, a_cols)
        raise ValueError("cannot dot a %s with a %dx%d matrix: %d columns against %d rows"
                         % (left, b_rows, b_cols, a_cols, b_rows))
    columns = list(zip(*b))
    product = []
    try:
        for row in rows:
            product_row = []
            for column in columns:
                # _added_up(map(mul, row, column)), written out: a call for
                # each entry would cost more than the entry's arithmetic.
                total = 0.0
                for x_times_y in map(mul, row, column):
                    total += x_times_y
                product_row.append(total)
            product.append(product_row)
    except TypeError:
        _check_numbers(rows, b)
        raise
    return product[0] if vector else product


def _added_up(numbers) -> float:
    """Numbers added one after another, from 0.0.

    Not sum(): from Python 3.12 sum() adds floats with extra precision, so it
    would print other last digits than Python 3.8 (and numpy) do.  Starting
    from 0.0 also rejects what is not a number: 0.0 + 'aa' raises, where
    'a' * 2 did not.

    >>> _added_up([0.1, 0.2, 0.3])
    0.6000000000000001
    """
    total = 0.0
    for x in numbers:
        total += x
    return total


def elementwise(operation, a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """operation(x, y) for each pair of entries of two same-shape matrices, or of a matrix and a number.

    Each result has 0 taken from it: that leaves every number as it was,
    but raises a TypeError for the strings and lists that + and * build
    ('a' + 'b', [1] * 2), so every operation accepts numbers only.

    >>> elementwise(sub, 1, [[0.25, 0.75]])
    [[0.75, 0.25]]
    """
    try:
        if isinstance(a, (int, float)):
            shape(b)
            return [[z - 0 for z in map(operation, repeat(a), row)] for row in b]
        if isinstance(b, (int, float)):
            shape(a)
            return [[z - 0 for z in map(operation, row, repeat(b))] for row in a]
        if shape(a) != shape(b):
            raise ValueError("cannot combine a %s with a %s entry by entry: the shapes differ"
                             % (describe(a), describe(b)))
        return [[z - 0 for z in map(operation, row_a, row_b)] for row_a, row_b in zip(a, b)]
    except TypeError:
        _check_numbers(*[m for m in (a, b) if not isinstance(m, (int, float))])
        raise


def add_matrices(a, b):
    """a + b, entry by entry.

    >>> add_matrices([[1, 2]], [[10, 20]])
    [[11, 22]]
    """
    return elementwise(add, a, b)


def subtract(a, b):
    """a - b, entry by entry.

    >>> subtract([[0], [1]], [[0.25], [0.75]])
    [[-0.25], [0.25]]
    """
    return elementwise(sub, a, b)


def multiply(a, b):
    """a * b, entry by entry (numpy's *, not the matrix product).

    >>> multiply([[1, 2]], [[3, 4]])
    [[3, 8]]
    >>> multiply(2, [[0.5, 4]])
    [[1.0, 8]]
    """
    return elementwise(mul, a, b)


def mean_absolute(m: Matrix) -> float:
    """The mean of the entries' sizes: numpy's mean(abs(m)), how far off a layer is on average.

    >>> mean_absolute([[0.5], [-0.25]])
    0.375
    """
    rows, cols = shape(m)
    try:
        return _added_up(abs(x) for row in m for x in row) / (rows * cols)
    except TypeError:
        _check_numbers(m)
        raise


# ---------------------------------------------------------------------------
# 3. The sigmoid and its slope
# ---------------------------------------------------------------------------

def sigmoid(m: Union[Vector, Matrix]) -> Union[Vector, Matrix]:
    """1 / (1 + e^-x) for each entry: squashes any number into 0..1.

    Large negative x would overflow math.exp (past about -709); numpy's
    exp gives inf there and 1 / (1 + inf) is 0.0, so we return 0.0 too.

    >>> sigmoid([[0, 2], [-800, float("inf")]])
    [[0.5, 0.8807970779778823], [0.0, 1.0]]
    >>> sigmoid([0.0])
    [0.5]
    """
    rows, vector = _as_rows(m)
    shape(rows)
    try:
        squashed = _squashed(rows, math.exp)
    except OverflowError:
        # Rare, so only then the slower exp that gives inf as numpy's does.
        squashed = _squashed(rows, _exp_or_inf)
    except TypeError:
        _check_numbers(rows)
        raise
    return squashed[0] if vector else squashed


def _squashed(rows: Matrix, exp) -> Matrix:
    """1 / (1 + exp(-x)) for each entry, with the exp given."""
    return [[1 / (1 + exp(-x)) for x in row] for row in rows]


def _exp_or_inf(x: float) -> float:
    """math.exp, but inf where it would overflow, as numpy's exp gives.

    >>> _exp_or_inf(800), _exp_or_inf(0)
    (inf, 1.0)
    """
    try:
        return math.exp(x)
    except OverflowError:
        return math.inf


def sigmoid_slope(output: Matrix) -> Matrix:
    """The sigmoid's slope at each point, given the sigmoid's *output* there.

    If o = sigmoid(x), the slope of the curve at x is o * (1 - o).  The
    programs already hold o (it is the layer's output), so they pass that
    in, not x: no second exp is needed.  This is what the posts call the
    "derivative" (Trask's nonlin(x, deriv=True)), and it only gives the right
    answer when handed a sigmoid's output.  The slope is largest, 0.25, at
    o = 0.5, where the neuron is least sure, and close to 0 where it is
    confident (o near 0 or 1), so confident neurons are nudged least.

    >>> sigmoid_slope([[0.5, 0.9]])
    [[0.25, 0.08999999999999998]]
    """
    shape(output)
    try:
        return [[o * (1 - o) for o in row] for row in output]
    except TypeError:
        _check_numbers(output)
        raise


# ---------------------------------------------------------------------------
# 4. The programs of the posts
#
# Each runs the post's computation with the post's variable names and
# returns what it computed; printing them is left to section 5.
# ---------------------------------------------------------------------------

# Milo's training set: the output is the first input.
MILO_INPUTS = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
MILO_OUTPUTS = [[0], [1], [1], [0]]
NEW_SITUATION = [1, 0, 0]

# Trask's inputs; his 2-layer targets copy the first input, his 3-layer targets
# are the exclusive-or of the first two, which no single neuron can learn.
TRASK_INPUTS = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
TRASK_2LAYER_OUTPUTS = [[0], [0], [1], [1]]
TRASK_3LAYER_OUTPUTS = [[0], [1], [1], [0]]


def nine_lines(seed: int = 1, iterations: int = 10000) -> Vector:
    """Milo's 9-line neuron: train one neuron, return its answer for [1, 0, 0]."""
    training_set_inputs, training_set_outputs = MILO_INPUTS, MILO_OUTPUTS
    synaptic_weights = random_weights(numpy_random(seed), 3, 1)
    for iteration in range(iterations):
        output = sigmoid(dot(training_set_inputs, synaptic_weights))
        synaptic_weights = add_matrices(synaptic_weights, dot(transpose(training_set_inputs), multiply(
            subtract(training_set_outputs, output), sigmoid_slope(output))))
    return sigmoid(dot(NEW_SITUATION, synaptic_weights))


class NeuralNetwork:
    """Milo's longer version: one neuron with 3 inputs, as a class."""

    def __init__(self, seed: int = 1):
        # Weights from -1 to 1, drawn as numpy draws them after seed(seed).
        self.synaptic_weights = random_weights(numpy_random(seed), 3, 1)

    def train(self, training_set_inputs: Matrix, training_set_outputs: Matrix,
              number_of_training_iterations: int) -> None:
        """Nudge the weights, a little each time, toward giving the known outputs."""
        for iteration in range(number_of_training_iterations):
            output = self.think(training_set_inputs)
            error = subtract(training_set_outputs, output)
            # Adjust each weight by its input times the error, scaled by the
            # slope: inputs of 0 leave their weight alone, confident answers
            # (where the slope is flat) change little.
            adjustment = dot(transpose(training_set_inputs), multiply(error, sigmoid_slope(output)))
            self.synaptic_weights = add_matrices(self.synaptic_weights, adjustment)

    def think(self, inputs: Union[Vector, Matrix]) -> Union[Vector, Matrix]:
        """The neuron's answer: the sigmoid of the inputs' weighted sum."""
        return sigmoid(dot(inputs, self.synaptic_weights))


def neuron(seed: int = 1, iterations: int = 10000) -> dict:
    """Milo's class-based program: starting weights, trained weights, the answer for [1, 0, 0]."""
    neural_network = NeuralNetwork(seed)
    starting_weights = neural_network.synaptic_weights
    neural_network.train(MILO_INPUTS, MILO_OUTPUTS, iterations)
    return {"starting_weights": starting_weights,
            "synaptic_weights": neural_network.synaptic_weights,
            "answer": neural_network.think(NEW_SITUATION)}


def two_layer(seed: int = 1, iterations: int = 10000) -> Matrix:
    """Trask's 2-layer network: return l1, its output on the training set in the last iteration."""
    X, y = TRASK_INPUTS, TRASK_2LAYER_OUTPUTS
    syn0 = random_weights(numpy_random(seed), 3, 1)
    for iter in range(iterations):
        # forward: each example's weighted sum, squashed into 0..1
        l0 = X
        l1 = sigmoid(dot(l0, syn0))
        # how far off, scaled by how unsure each answer was
        l1_error = subtract(y, l1)
        l1_delta = multiply(l1_error, sigmoid_slope(l1))
        # each weight moves by its inputs times those deltas
        syn0 = add_matrices(syn0, dot(transpose(l0), l1_delta))
    return l1


def three_layer(seed: int = 1, iterations: int = 60000) -> dict:
    """Trask's 3-layer network: return the error every 10,000 iterations, and l2, syn0, syn1."""
    X, y = TRASK_INPUTS, TRASK_3LAYER_OUTPUTS
    rng = numpy_random(seed)
    syn0 = random_weights(rng, 3, 4)
    syn1 = random_weights(rng, 4, 1)
    errors = []
    for j in range(iterations):
        # forward, layer by layer
        l0 = X
        l1 = sigmoid(dot(l0, syn0))
        l2 = sigmoid(dot(l1, syn1))
        l2_error = subtract(y, l2)
        if j % 10000 == 0:
            errors.append(mean_absolute(l2_error))
        l2_delta = multiply(l2_error, sigmoid_slope(l2))
        # backpropagation: l1's share of the blame is l2_delta sent back
        # through the weights it came through
        l1_error = dot(l2_delta, transpose(syn1))
        l1_delta = multiply(l1_error, sigmoid_slope(l1))
        syn1 = add_matrices(syn1, dot(transpose(l1), l2_delta))
        syn0 = add_matrices(syn0, dot(transpose(l0), l1_delta))
    return {"errors": errors, "l2": l2, "syn0": syn0, "syn1": syn1}


def eleven_lines(seed: int = 1, iterations: int = 60000) -> Matrix:
    """Trask's 11-line network, the 3-layer one written tersely: return its final l2."""
    X, y = TRASK_INPUTS, TRASK_3LAYER_OUTPUTS
    rng = numpy_random(seed)
    syn0, syn1 = random_weights(rng, 3, 4), random_weights(rng, 4, 1)
    for j in range(iterations):
        l1 = sigmoid(dot(X, syn0))
        l2 = sigmoid(dot(l1, syn1))
        l2_delta = multiply(subtract(y, l2), sigmoid_slope(l2))
        l1_delta = multiply(dot(l2_delta, transpose(syn1)), sigmoid_slope(l1))
        syn1 = add_matrices(syn1, dot(transpose(l1), l2_delta))
        syn0 = add_matrices(syn0, dot(transpose(X), l1_delta))
    return l2


# ---------------------------------------------------------------------------
# 5. Printing like the posts
#
# The posts printed with numpy 1.13 under Python 2.  These functions write
# numbers exactly as those did, so the output can be compared digit by digit.
# ---------------------------------------------------------------------------

NUMPY_PRECISION = 8
NUMPY_LINE_WIDTH = 75


def format_matrix(m: Union[Vector, Matrix]) -> str:
    """A matrix (or a plain list) as numpy 1.13 printed it.

    >>> print(format_matrix([[9.672993027737, -0.2078435], [-4.62963669, 1.0]]))
    [[ 9.67299303 -0.2078435 ]
     [-4.62963669  1.        ]]
    >>> print(format_matrix([0.9999370428]))
    [ 0.99993704]
    >>> print(format_matrix([[1.23456789e-05], [0.999876543]]))
    [[  1.23456789e-05]
     [  9.99876543e-01]]
    """
    if m and not isinstance(m[0], (list, tuple)):
        return _format_row(m, _number_format(m), " ") + "]"
    shape(m)
    number = _number_format([x for row in m for x in row])
    rows = [_format_row(row, number, "  ") for row in m]
    return "[" + "]\n ".join(rows) + "]]"


def _format_row(row: Vector, number, indent: str) -> str:
    """'[' and a row's numbers, one space apart, wrapped before numpy's 75 columns."""
    lines, line = [], " "
    for i, x in enumerate(row):
        word = number(x) + (" " if i < len(row) - 1 else "")
        if len(line.rstrip()) + len(word.rstrip()) >= NUMPY_LINE_WIDTH:
            lines.append(line.rstrip())
            line = indent
        line += word
    lines.append(line)
    return "[" + "\n".join(lines)[1:]


def _number_format(numbers: Vector):
    """The function that writes each number of an array, chosen from all of them as numpy 1.13 did."""
    finite = [abs(x) for x in numbers if math.isfinite(x) and x != 0]
    biggest, smallest = (max(finite), min(finite)) if finite else (0.0, 0.0)
    specials = any(not math.isfinite(x) for x in numbers)
    if finite and (biggest >= 1e8 or smallest < 0.0001 or biggest / smallest > 1000):
        # Scientific: 8 digits after the point, exponents of 2 digits, or 3 for all
        # when any needs 3.
        three_digits = 0 < smallest < 1e-99 or biggest >= 1e100
        width = 8 + NUMPY_PRECISION + three_digits

        def scientific(x):
            if not math.isfinite(x):
                return _special(x, width)
            text = "%*.*e" % (width, NUMPY_PRECISION, x)
            if three_digits and text[-3] in "+-":
                text = text[1:-2] + "0" + text[-2:]
            return text
        return scientific
    # Fixed point: as many decimals as the longest number needs, at most 8;
    # a column for the sign even when nothing is negative.
    decimals = max((_decimals_needed(x) for x in finite), default=0)
    width = len(str(int(biggest))) + decimals + 2
    if specials:
        width = max(width, 4)

    def fixed(x):
        if not math.isfinite(x):
            return _special(x, width)
        text = "%#*.*f" % (width, decimals, x)
        digits = text.rstrip("0")
        return digits + " " * (len(text) - len(digits))
    return fixed


def _decimals_needed(x: float) -> int:
    """How many of the first 8 decimals of x are needed before only zeros follow.

    >>> _decimals_needed(0.25), _decimals_needed(1 / 3), _decimals_needed(2.0)
    (2, 8, 0)
    """
    return len(("%.*f" % (NUMPY_PRECISION, x)).rstrip("0").split(".")[1])


def _special(x: float, width: int) -> str:
    return ("nan" if math.isnan(x) else "inf" if x > 0 else "-inf").rjust(width)


def format_error(x: float) -> str:
    """A float as Python 2's str() wrote it: 12 significant digits.

    >>> format_error(0.4964100319027255), format_error(0.5), format_error(1.0)
    ('0.496410031903', '0.5', '1.0')
    """
    text = "%.12g" % x
    if text.lstrip("-").isdigit():
        text += ".0"
    return text


def print_nine_lines(answer: Vector) -> None:
    print(format_matrix(answer))


def print_neuron(result: dict) -> None:
    print("Random starting synaptic weights: ")
    print(format_matrix(result["starting_weights"]))
    print("New synaptic weights after training: ")
    print(format_matrix(result["synaptic_weights"]))
    print("Considering new situation [1, 0, 0] -> ?: ")
    print(format_matrix(result["answer"]))


def print_two_layer(l1: Matrix) -> None:
    print("Output After Training:")
    print(format_matrix(l1))


def print_three_layer(result: dict) -> None:
    for error in result["errors"]:
        print("Error:" + format_error(error))


def print_eleven_lines(l2: Matrix) -> None:
    print(format_matrix(l2))


# ---------------------------------------------------------------------------
# Timing: the bench command
#
# How long an iteration of each program's training takes on this Python.
# ---------------------------------------------------------------------------

BENCH_RUNS = 5
# Iterations a run: the 9-line post's 10,000, so all runs take seconds, and
# PyPy has time to compile the loops (with a few thousand it mostly does not).
BENCH_ITERATIONS = 10000


def run_bench(runs: int = BENCH_RUNS, iterations=None, seed: int = 1) -> None:
    """Train each program `runs` times and print the median run's microseconds an iteration."""
    # Imported only here: at the top they would add about 0.05 s to every
    # start under PyPy, where importing is slow (nothing is compiled yet).
    import platform
    import statistics
    if runs < 1 or (iterations is not None and iterations < 1):
        raise ValueError("bench needs --runs and --iterations of at least 1, got %d and %s"
                         % (runs, iterations))
    print("%s %s: each program's training, the median of %d runs after one to warm up"
          % (platform.python_implementation(), platform.python_version(), runs))
    for program in PROGRAMS:
        count = iterations or BENCH_ITERATIONS
        seconds = []
        for _ in range(runs + 1):  # the first run warms up (PyPy compiles the loops then)
            start = time.perf_counter()
            program.run(seed=seed, iterations=count)
            seconds.append(time.perf_counter() - start)
        print("%-14s %9.1f \u00b5s an iteration  (%d iterations a run)"
              % (program.name, statistics.median(seconds[1:]) / count * 1e6, count))


# ---------------------------------------------------------------------------
# 6. The command line
# ---------------------------------------------------------------------------

class Program:
    """A post program as the command line knows it."""

    def __init__(self, name, run, show, iterations, min_iterations, summary):
        self.name, self.run, self.show = name, run, show
        self.iterations, self.min_iterations, self.summary = iterations, min_iterations, summary


PROGRAMS = [
    Program("nine-lines", nine_lines, print_nine_lines, 10000, 0,
            "Milo Spencer-Harper's 9-line neuron: its answer for [1, 0, 0]"),
    Program("neuron", neuron, print_neuron, 10000, 0,
            "the same neuron as Milo's NeuralNetwork class, weights before and after"),
    Program("two-layer", two_layer, print_two_layer, 10000, 1,
            "Andrew Trask's 2-layer network: its output after training"),
    Program("three-layer", three_layer, print_three_layer, 60000, 1,
            "Trask's 3-layer network learning XOR: the error every 10,000 iterations"),
    Program("eleven-lines", eleven_lines, print_eleven_lines, 60000, 1,
            "Trask's 11-line version of it: the network's final output"),
]


class CommandLineError(Exception):
    """Bad input on the command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but errors are raised so main() can report them in one line."""

    def error(self, message):
        raise CommandLineError(message)


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a whole number, got %r" % text)


def build_parser() -> argparse.ArgumentParser:
    """The command line: no program runs them all, a program's name runs that one."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--seed", type=_whole_number, default=argparse.SUPPRESS,
                        help="start from the weights np.random.seed(SEED) gives (default 1)")
    common.add_argument("--iterations", type=_whole_number, default=argparse.SUPPRESS,
                        help="training iterations (default: the post's)")
    parser = _Parser(prog="pureneuron.py", parents=[common],
                     description="The neural networks of Milo Spencer-Harper's and Andrew "
                                 "Trask's posts, in pure Python. With no PROGRAM, runs them all.")
    parser.add_argument("--list", action="store_true", help="name the programs and stop")
    parser.set_defaults(seed=1, iterations=None)
    programs = parser.add_subparsers(dest="program", metavar="PROGRAM")
    for program in PROGRAMS:
        programs.add_parser(program.name, parents=[common], help=program.summary,
                            description=program.summary)
    bench = programs.add_parser("bench", parents=[common], help="time each program's training",
                                description="Time each program's training and print microseconds "
                                            "an iteration, the median of several runs of "
                                            "%d iterations (or --iterations)." % BENCH_ITERATIONS)
    bench.add_argument("--runs", type=_whole_number, default=BENCH_RUNS,
                       help="runs of each program (default %d)" % BENCH_RUNS)
    return parser


def run_program(program: Program, seed: int, iterations) -> None:
    """Check the settings, then compute the program's results and print them."""
    if iterations is None:
        iterations = program.iterations
    if iterations < program.min_iterations:
        raise ValueError("%s needs --iterations of at least %d, got %d"
                         % (program.name, program.min_iterations, iterations))
    program.show(program.run(seed=seed, iterations=iterations))


def main(argv=None) -> int:
    """Run the command line; bad input is one line on stderr and exit status 2."""
    try:
        args = build_parser().parse_args(argv)
        if args.list:
            for program in PROGRAMS:
                print("%-14s %s" % (program.name, program.summary))
            return 0
        numpy_random(args.seed)  # a bad seed is reported before any work
        if args.program == "bench":
            run_bench(args.runs, args.iterations, args.seed)
            return 0
        if args.program:
            run_program(next(p for p in PROGRAMS if p.name == args.program),
                        args.seed, args.iterations)
            return 0
        for number, program in enumerate(PROGRAMS):
            print("%s== %s: %s" % ("\n" if number else "", program.name, program.summary))
            run_program(program, args.seed, args.iterations)
        return 0
    except (CommandLineError, ValueError) as error:
        print("pureneuron.py: error: %s" % error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pureneuron.py: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
