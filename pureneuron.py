"""pureneuron: the first neural networks of two famous blog posts, in pure Python.

Milo Spencer-Harper's "How to build a simple neural network in 9 lines of
Python code" (one neuron) and Andrew Trask's "A Neural Network in 11 lines of
Python" (backpropagation through a hidden layer) taught many people their first
neural network.  Both lean on numpy, which hides the arithmetic they teach.
Here the same programs are written with lists of lists, a hand-written
transpose and dot product, math.exp and Python's own random generator, and
they print the posts' own numbers, digit for digit.

    python3 pureneuron.py                # every program of the posts, as the posts printed them
    python3 pureneuron.py three-layer    # one of them (--list names them all)
    python3 pureneuron.py three-layer --trace   # and every matrix of its first and last iteration
    python3 pureneuron.py train --data xor --layers 3,4,1 --table   # a network of your own

Part I is the networks, to read beside the posts: the posts' programs, then the
authors' follow-ups and a network of any depth, then the few helpers they all
use.  Part II is the workshop: printing as numpy did in 2015, tracing, the
playground's data and checks, pictures, timing and the command line.

Glossary (the posts' names, and ours where numpy had an operator):
    X, training_set_inputs    the examples, one a row, one input a column
    y, training_set_outputs   the answers we want, one row an example
    l0, l1, l2       Trask's layers: l0 is X, l1 = sigmoid(l0 . syn0), and so on
    syn0, syn1       Trask's weights ("synapses"): syn0 takes l0 to l1, syn1 l1 to l2
    synaptic_weights Milo's name for a neuron's (or a layer's) weights
    l2_error         how far each answer is from the one wanted: y - l2
    l2_delta         the error scaled by the sigmoid's slope: how much to nudge
    alpha            Trask's learning rate (Part 2): how far each update steps
    X_T              ours: X transposed (numpy's X.T), made once, before the loop
    rng              ours: the random generator, started as np.random.seed starts numpy's
    dot(a, b)        numpy's a.dot(b) or np.dot(a, b): the matrix product
    add, subtract, multiply   numpy's +, - and * on matrices: entry by entry
    sigmoid_slope    the posts' nonlin(x, deriv=True), __sigmoid_derivative and
                     sigmoid_output_to_derivative
    python2_str      how Python 2 printed a number: Error:0.496410031903 (Part II)
    numpy_str        how numpy printed a matrix in 2015 (Part II)
"""

import math
import operator
import random
from typing import List, Union

Number = Union[int, float]
Vector = List[Number]
Matrix = List[Vector]   # a list of rows: [[0, 0, 1], [1, 1, 1]] is 2 rows by 3 columns


# ============================================================================
# PART I: THE NETWORKS, AS THE POSTS WROTE THEM
#
# Each program is its post's program: its data first, the post's names, the
# post's loop, printing what the post printed when the post printed it.  Where
# numpy writes an operator (X.T, a * b, y - l2), we call a helper defined at
# the end of Part I (transpose, multiply, subtract).  Each program also
# returns its numbers in a dict, for tests and notebooks.  To see a matrix as
# the posts showed it, print(numpy_str(l1)); print(l1) shows the bare lists.
# ============================================================================

# --- Milo Spencer-Harper: one neuron, in 9 lines ------------------------------

def nine_lines(iterations: int = 10000, seed: int = 1) -> dict:
    """Milo's 9-line neuron: train it, then print its answer for [1, 0, 0]."""
    training_set_inputs = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
    training_set_outputs = transpose([[0, 1, 1, 0]])  # a column: one answer a row
    rng = numpy_random(seed)  # the post's random.seed(1): its starting weights
    # 2 * random - 1: three weights from -1 to 1, mean 0, none favoured at the start
    synaptic_weights = subtract(multiply(2, random_matrix(rng, 3, 1)), 1)
    training_set_inputs_T = transpose(training_set_inputs)  # the post's .T, made once
    for iteration in range(iterations):
        # the post writes the sigmoid out, 1 / (1 + exp(-x)); math.exp takes one
        # number, so sigmoid() applies it to each entry
        output = sigmoid(dot(training_set_inputs, synaptic_weights))
        # each weight moves by its inputs times error * output * (1 - output),
        # the error scaled by the sigmoid's slope at the answer
        synaptic_weights = add(synaptic_weights, dot(training_set_inputs_T, multiply(
            multiply(subtract(training_set_outputs, output), output), subtract(1, output))))
    answer = sigmoid(dot([[1, 0, 0]], synaptic_weights))  # a situation it has never seen
    print(numpy_str(answer[0]))  # numpy's new situation was a plain row, printed as one
    return {"synaptic_weights": synaptic_weights, "answer": answer}


# --- Milo's longer version: the same neuron as a class ------------------------

class NeuralNetwork:
    """One neuron with 3 inputs: it thinks, and it learns from examples."""

    def __init__(self, seed: int = 1):
        rng = numpy_random(seed)
        # 3 weights, one per input, from -1 to 1 with mean 0
        self.synaptic_weights = subtract(multiply(2, random_matrix(rng, 3, 1)), 1)

    def train(self, training_set_inputs: Matrix, training_set_outputs: Matrix,
              number_of_training_iterations: int) -> None:
        """Show the neuron every example, many times, nudging its weights each time."""
        training_set_inputs_T = transpose(training_set_inputs)
        for iteration in range(number_of_training_iterations):
            output = self.think(training_set_inputs)
            error = subtract(training_set_outputs, output)
            # A weight moves by its input times the error times the slope: an
            # input of 0 leaves its weight alone, a confident answer moves little.
            adjustment = dot(training_set_inputs_T, multiply(error, sigmoid_slope(output)))
            self.synaptic_weights = add(self.synaptic_weights, adjustment)

    def think(self, inputs: Matrix) -> Matrix:
        """The neuron's answer for each row of inputs: the sigmoid of their weighted sum."""
        return sigmoid(dot(inputs, self.synaptic_weights))


def neuron(iterations: int = 10000, seed: int = 1) -> dict:
    """Milo's class-based program: the weights before and after training, then the answer."""
    training_set_inputs = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
    training_set_outputs = transpose([[0, 1, 1, 0]])
    neural_network = NeuralNetwork(seed)
    starting_weights = neural_network.synaptic_weights
    print("Random starting synaptic weights: ")
    print(numpy_str(starting_weights))
    neural_network.train(training_set_inputs, training_set_outputs, iterations)
    print("New synaptic weights after training: ")
    print(numpy_str(neural_network.synaptic_weights))
    print("Considering new situation [1, 0, 0] -> ?: ")
    answer = neural_network.think([[1, 0, 0]])
    print(numpy_str(answer[0]))
    return {"starting_weights": starting_weights,
            "synaptic_weights": neural_network.synaptic_weights, "answer": answer}


# --- Andrew Trask: a 2-layer network (one matrix of weights) ------------------

def two_layer(iterations: int = 10000, seed: int = 1) -> dict:
    """Trask's 2-layer network: print l1, its output in the last iteration."""
    X = [[0, 0, 1],
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]
    y = transpose([[0, 0, 1, 1]])
    rng = numpy_random(seed)
    syn0 = subtract(multiply(2, random_matrix(rng, 3, 1)), 1)
    X_T = transpose(X)
    l1 = sigmoid(dot(X, syn0))  # not in the post: gives 0 iterations an l1 to print
    for iter in range(iterations):
        # forward: each example's weighted inputs, squashed into 0..1
        l0 = X
        l1 = sigmoid(dot(l0, syn0))
        # how far off, times how unsure each answer was
        l1_error = subtract(y, l1)
        l1_delta = multiply(l1_error, sigmoid_slope(l1))
        # each weight moves by its inputs times those deltas
        syn0 = add(syn0, dot(X_T, l1_delta))  # X_T is l0.T
    print("Output After Training:")
    print(numpy_str(l1))
    return {"l1": l1, "syn0": syn0}


# --- Trask: a 3-layer network, which learns what no single neuron can ---------

def three_layer(iterations: int = 60000, seed: int = 1) -> dict:
    """Trask's 3-layer network learning exclusive-or: print the error every 10,000 iterations."""
    X = [[0, 0, 1],
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]
    y = [[0],
         [1],
         [1],
         [0]]
    rng = numpy_random(seed)
    syn0 = subtract(multiply(2, random_matrix(rng, 3, 4)), 1)
    syn1 = subtract(multiply(2, random_matrix(rng, 4, 1)), 1)
    X_T = transpose(X)
    errors = []
    for j in range(iterations):
        # forward, layer by layer
        l0 = X
        l1 = sigmoid(dot(l0, syn0))
        l2 = sigmoid(dot(l1, syn1))
        l2_error = subtract(y, l2)
        if j % 10000 == 0:
            mean_error = mean(absolute(l2_error))  # the post's np.mean(np.abs(l2_error))
            errors.append(mean_error)  # kept for the dict this returns
            print("Error:" + python2_str(mean_error))  # Python 2's str(): 12 digits
        l2_delta = multiply(l2_error, sigmoid_slope(l2))
        # backpropagation: l1's share of the blame is l2_delta sent back
        # through the weights it came through
        l1_error = dot(l2_delta, transpose(syn1))
        l1_delta = multiply(l1_error, sigmoid_slope(l1))
        syn1 = add(syn1, dot(transpose(l1), l2_delta))
        syn0 = add(syn0, dot(X_T, l1_delta))  # X_T is l0.T
    return {"errors": errors, "syn0": syn0, "syn1": syn1}


# --- Trask's 11 lines: the 3-layer network again, tersely ---------------------

def eleven_lines(iterations: int = 60000, seed: int = 1) -> dict:
    """The 11-line network: the post printed nothing, so print l2, its last output."""
    X = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
    y = transpose([[0, 1, 1, 0]])
    rng = numpy_random(seed)  # the 11 lines leave the seed out; 1 is the other programs'
    syn0 = subtract(multiply(2, random_matrix(rng, 3, 4)), 1)
    syn1 = subtract(multiply(2, random_matrix(rng, 4, 1)), 1)
    X_T = transpose(X)
    l2 = sigmoid(dot(sigmoid(dot(X, syn0)), syn1))  # not in the post: an l2 for 0 iterations
    for j in range(iterations):
        l1 = sigmoid(dot(X, syn0))
        l2 = sigmoid(dot(l1, syn1))
        l2_delta = multiply(subtract(y, l2), multiply(l2, subtract(1, l2)))
        l1_delta = multiply(dot(l2_delta, transpose(syn1)), multiply(l1, subtract(1, l1)))
        syn1 = add(syn1, dot(transpose(l1), l2_delta))
        syn0 = add(syn0, dot(X_T, l1_delta))
    print(numpy_str(l2))
    return {"l2": l2, "syn0": syn0, "syn1": syn1}


# --- The follow-ups: Milo's multi-layered network -----------------------------

class NeuronLayer:
    """Milo's layer: its weights have a column per neuron and a row per input."""

    def __init__(self, number_of_neurons: int, number_of_inputs_per_neuron: int,
                 rng: random.Random):
        self.synaptic_weights = subtract(multiply(2, random_matrix(
            rng, number_of_inputs_per_neuron, number_of_neurons)), 1)


class MultiLayerNeuralNetwork:
    """Milo's second NeuralNetwork (renamed: his one-neuron class above has that name)."""

    def __init__(self, layer1: NeuronLayer, layer2: NeuronLayer):
        self.layer1 = layer1
        self.layer2 = layer2

    def train(self, training_set_inputs: Matrix, training_set_outputs: Matrix,
              number_of_training_iterations: int) -> None:
        """Backpropagation as in Trask's 3-layer network, in Milo's names."""
        training_set_inputs_T = transpose(training_set_inputs)
        for iteration in range(number_of_training_iterations):
            output_from_layer_1, output_from_layer_2 = self.think(training_set_inputs)
            layer2_error = subtract(training_set_outputs, output_from_layer_2)
            layer2_delta = multiply(layer2_error, sigmoid_slope(output_from_layer_2))
            layer1_error = dot(layer2_delta, transpose(self.layer2.synaptic_weights))
            layer1_delta = multiply(layer1_error, sigmoid_slope(output_from_layer_1))
            # both adjustments are worked out before either layer changes
            layer1_adjustment = dot(training_set_inputs_T, layer1_delta)
            layer2_adjustment = dot(transpose(output_from_layer_1), layer2_delta)
            self.layer1.synaptic_weights = add(self.layer1.synaptic_weights, layer1_adjustment)
            self.layer2.synaptic_weights = add(self.layer2.synaptic_weights, layer2_adjustment)

    def think(self, inputs: Matrix) -> tuple:
        """Both layers' outputs: layer 1's outputs are layer 2's inputs."""
        output_from_layer1 = sigmoid(dot(inputs, self.layer1.synaptic_weights))
        output_from_layer2 = sigmoid(dot(output_from_layer1, self.layer2.synaptic_weights))
        return output_from_layer1, output_from_layer2

    def print_weights(self) -> None:
        """Both layers' weights, under Milo's headings."""
        print("    Layer 1 (4 neurons, each with 3 inputs): ")
        print(numpy_str(self.layer1.synaptic_weights))
        print("    Layer 2 (1 neuron, with 4 inputs):")
        print(numpy_str(self.layer2.synaptic_weights))


def multi_layer(iterations: int = 60000, seed: int = 1) -> dict:
    """Milo's multi-layered network: weights before and after, then the answer for [1, 1, 0]."""
    # Exclusive-or of the first two inputs; [1, 1, 0] is the case held back.
    training_set_inputs = [[0, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 1],
                           [0, 0, 0]]
    training_set_outputs = transpose([[0, 1, 1, 1, 1, 0, 0]])
    rng = numpy_random(seed)
    layer1 = NeuronLayer(4, 3, rng)  # 4 neurons with 3 inputs each, drawn first
    layer2 = NeuronLayer(1, 4, rng)  # 1 neuron with 4 inputs
    neural_network = MultiLayerNeuralNetwork(layer1, layer2)
    starting_weights = layer1.synaptic_weights, layer2.synaptic_weights
    print("Stage 1) Random starting synaptic weights: ")
    neural_network.print_weights()
    neural_network.train(training_set_inputs, training_set_outputs, iterations)
    print("Stage 2) New synaptic weights after training: ")
    neural_network.print_weights()
    print("Stage 3) Considering a new situation [1, 1, 0] -> ?: ")
    hidden_state, output = neural_network.think([[1, 1, 0]])
    print(numpy_str(output[0]))
    return {"starting_weights": starting_weights,
            "synaptic_weights": (layer1.synaptic_weights, layer2.synaptic_weights),
            "output": output}


# --- The follow-ups: Trask's Part 2, gradient descent with a learning rate ----

def gradient_descent(iterations: int = 60000, seed: int = 1,
                     alphas: tuple = (0.001, 0.01, 0.1, 1, 10, 100, 1000),
                     hidden_size: int = 4, directions: bool = False) -> list:
    """Trask's Part 2: the 3-layer network again, stepping alpha times each update.

    For each alpha, from the same seed, it prints the error every 10,000
    iterations.  hidden_size=32 is the post's second program; directions=True
    its third, which also counts how often each weight's update turned round.
    """
    X = [[0, 0, 1],
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]
    y = [[0],
         [1],
         [1],
         [0]]
    X_T = transpose(X)
    results = []
    for alpha in alphas:
        print("\nTraining With Alpha:" + python2_str(alpha))
        rng = numpy_random(seed)
        synapse_0 = subtract(multiply(2, random_matrix(rng, 3, hidden_size)), 1)
        synapse_1 = subtract(multiply(2, random_matrix(rng, hidden_size, 1)), 1)
        # numpy's zeros_like: 0.0 where each weight is
        synapse_0_direction_count = [[0.0 for weight in row] for row in synapse_0]
        synapse_1_direction_count = [[0.0 for weight in row] for row in synapse_1]
        errors = []
        for j in range(iterations):
            layer_0 = X
            layer_1 = sigmoid(dot(layer_0, synapse_0))
            layer_2 = sigmoid(dot(layer_1, synapse_1))
            # l2 - y, the other way round from Part 1: it points uphill on the
            # error, so the weights step the other way (subtract)
            layer_2_error = subtract(layer_2, y)
            if j % 10000 == 0:
                mean_error = mean(absolute(layer_2_error))
                errors.append(mean_error)
                if directions:  # the post's third program printed the error alone
                    print("Error:" + python2_str(mean_error))
                else:
                    print("Error after " + str(j) + " iterations:" + python2_str(mean_error))
            layer_2_delta = multiply(layer_2_error, sigmoid_slope(layer_2))
            layer_1_error = dot(layer_2_delta, transpose(synapse_1))
            layer_1_delta = multiply(layer_1_error, sigmoid_slope(layer_1))
            synapse_1_weight_update = dot(transpose(layer_1), layer_2_delta)
            synapse_0_weight_update = dot(X_T, layer_1_delta)  # X_T is layer_0.T
            if directions and j > 0:
                synapse_0_direction_count = add(synapse_0_direction_count, turned(
                    prev_synapse_0_weight_update, synapse_0_weight_update))
                synapse_1_direction_count = add(synapse_1_direction_count, turned(
                    prev_synapse_1_weight_update, synapse_1_weight_update))
            synapse_1 = subtract(synapse_1, multiply(alpha, synapse_1_weight_update))
            synapse_0 = subtract(synapse_0, multiply(alpha, synapse_0_weight_update))
            prev_synapse_0_weight_update = synapse_0_weight_update
            prev_synapse_1_weight_update = synapse_1_weight_update
        if directions:
            print("Synapse 0")
            print(numpy_str(synapse_0))
            print("Synapse 0 Update Direction Changes")
            print(numpy_str(synapse_0_direction_count))
            print("Synapse 1")
            print(numpy_str(synapse_1))
            print("Synapse 1 Update Direction Changes")
            print(numpy_str(synapse_1_direction_count))
        results.append({"alpha": alpha, "errors": errors, "synapse_0": synapse_0,
                        "synapse_1": synapse_1,
                        "synapse_0_direction_count": synapse_0_direction_count,
                        "synapse_1_direction_count": synapse_1_direction_count})
    return results


def turned(previous: Matrix, update: Matrix) -> Matrix:
    """1.0 where an update and the one before point different ways (above 0 or not), else 0.0.

    >>> turned([[0.5, -0.5, 0.0]], [[0.25, 0.5, -1.0]])
    [[0.0, 1.0, 0.0]]
    """
    return [[float((before > 0) != (now > 0)) for before, now in zip(row_before, row_now)]
            for row_before, row_now in zip(previous, update)]


# --- A network of any depth: the posts' arithmetic, for the playground --------

def train_network(X: Matrix, y: Matrix, layers: List[int], iterations: int = 10000,
                  alpha: Number = 1, seed: int = 1, bias: bool = False, every: int = 0,
                  on_error=None) -> dict:
    """Train layers of any sizes as Trask trains his; return the weights and the errors noted.

    layers: the number of inputs, then each layer's neurons: [3, 4, 1] is the
    3-layer network, [3, 1] Milo's neuron.  With alpha 1 and no bias, this is
    the posts' arithmetic exactly, so their settings give their numbers.

    bias: a constant input of 1 for every layer (one more row of weights each).
    Without it an input of all zeros gives every first-layer neuron the sum 0,
    whatever its weights, and sigmoid(0) = 0.5; the bias can move that.

    every: every `every` iterations (0: never) the mean absolute error is noted
    in "errors" as (iteration, error), and handed to on_error if given.
    """
    rng = numpy_random(seed)
    extra = 1 if bias else 0  # the bias's weights: one more row in each matrix
    weights = [subtract(multiply(2, random_matrix(rng, inputs + extra, neurons)), 1)
               for inputs, neurons in zip(layers, layers[1:])]
    starting_weights = list(weights)
    errors = []
    for iteration in range(iterations):
        outputs = forward(weights, X, bias)  # l0 (the inputs), l1, ..., the answers
        layer_error = subtract(y, outputs[-1])
        if every and iteration % every == 0:
            errors.append((iteration, mean(absolute(layer_error))))
            if on_error:
                on_error(*errors[-1])
        for k in reversed(range(len(weights))):  # backward: the last layer first
            delta = multiply(layer_error, sigmoid_slope(outputs[k + 1]))
            if k:
                # the layer below's share, through the weights before they change;
                # the bias row, last, has no neuron below it to blame
                layer_error = dot(delta, transpose(weights[k][:-1] if bias else weights[k]))
            update = dot(transpose(with_bias(outputs[k], bias)), delta)
            weights[k] = add(weights[k], multiply(alpha, update))
    return {"layers": list(layers), "bias": bias, "starting_weights": starting_weights,
            "weights": weights, "errors": errors}


def forward(weights: List[Matrix], inputs: Matrix, bias: bool = False) -> List[Matrix]:
    """Every layer's output, the inputs first: each the sigmoid of the one before times its weights.

    >>> forward([[[0.0], [0.0]]], [[1, 1]])
    [[[1, 1]], [[0.5]]]
    """
    outputs = [inputs]
    for synapses in weights:
        outputs.append(sigmoid(dot(with_bias(outputs[-1], bias), synapses)))
    return outputs


def with_bias(m: Matrix, bias: bool) -> Matrix:
    """The rows of m with a constant 1 added at the end, when bias is on.

    >>> with_bias([[0, 1], [1, 1]], True)
    [[0, 1, 1], [1, 1, 1]]
    """
    return [row + [1] for row in m] if bias else m


# ============================================================================
# The helpers the programs call
# ============================================================================

# ----------------------------------------------------------------------------
# Random numbers as numpy draws them
#
# Needed only to reproduce the posts' digits.  Python's random module runs the
# generator numpy runs (the Mersenne Twister, MT19937) and builds a float from
# it the same way; only the seeding differs.  So we fill in the state that
# np.random.seed(seed) makes, and from then on both draw the same numbers.
# ----------------------------------------------------------------------------

def numpy_random(seed: int) -> random.Random:
    """A random.Random that draws what numpy draws after np.random.seed(seed).

    >>> rng = numpy_random(1)
    >>> rng.random(), rng.random()
    (0.417022004702574, 0.7203244934421581)
    """
    if not 0 <= seed < 2 ** 32:
        raise ValueError("numpy seeds are 0 to 2**32 - 1, got %r" % (seed,))
    # numpy's init_genrand: each of the 624 words is made from the one before
    state = [seed]
    for i in range(1, 624):
        previous = state[-1]
        state.append((1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF)
    rng = random.Random()
    # random's state format 3; the index 624 says all words are used, so the
    # first draw stirs the state first, as numpy's first draw does
    rng.setstate((3, tuple(state) + (624,), None))
    return rng


def random_matrix(rng: random.Random, rows: int, columns: int) -> Matrix:
    """numpy's random.random((rows, columns)): numbers from 0 up to 1, row by row.

    >>> random_matrix(numpy_random(1), 2, 1)
    [[0.417022004702574], [0.7203244934421581]]
    """
    return [[rng.random() for _ in range(columns)] for _ in range(rows)]


# ----------------------------------------------------------------------------
# Matrices as lists of rows
#
# numpy checks that shapes fit; so do these, because a loop or zip() over
# rows of different lengths would quietly skip what does not fit.  They check
# what is cheap, a length per row; a string among the numbers fails with
# Python's own TypeError.
# ----------------------------------------------------------------------------

def column_count(m: Matrix) -> int:
    """How many columns a matrix has, after checking that every row has that many.

    >>> column_count([[0, 0, 1], [1, 1, 1]])
    3
    """
    if not isinstance(m[0], list):  # numpy took a plain row like [1, 0, 0]; we don't
        raise ValueError("a matrix is a list of rows: write %r, not %r" % ([m], m))
    columns = len(m[0])
    for row in m:
        if len(row) != columns:
            raise ValueError("a ragged matrix: rows of %d and of %d entries" % (columns, len(row)))
    return columns


def shape(m: Matrix) -> str:
    """A matrix's rows by columns, for messages.

    >>> shape([[0, 0, 1], [1, 1, 1]])
    '2x3'
    """
    return "%dx%d" % (len(m), len(m[0]))


def transpose(m: Matrix) -> Matrix:
    """Rows become columns: numpy's m.T.

    >>> transpose([[0, 0, 1], [0, 1, 1]])
    [[0, 0], [0, 1], [1, 1]]
    """
    return [[row[j] for row in m] for j in range(column_count(m))]


def dot(a: Matrix, b: Matrix) -> Matrix:
    """The matrix product: entry [i][j] is row i of a times column j of b.

    That is a[i][0]*b[0][j] + a[i][1]*b[1][j] + ..., added from left to
    right, the order numpy adds in.

    >>> dot([[1, 2], [3, 4]], [[5], [6]])
    [[17.0], [39.0]]
    """
    inner = len(b)  # a's columns must match b's rows
    rows_of_b, columns_of_b = range(inner), range(column_count(b))
    product = []
    for row in a:
        if len(row) != inner:
            raise ValueError("cannot dot a %s matrix with a %s matrix: a row of %d entries "
                             "against %d rows" % (shape(a), shape(b), len(row), len(b)))
        product_row = []
        for j in columns_of_b:
            total = 0.0
            for k in rows_of_b:
                total += row[k] * b[k][j]
            product_row.append(total)
        product.append(product_row)
    return product


def add(a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """a + b, entry by entry; a number counts as that number in every entry.

    >>> add([[1, 2]], [[10, 20]])
    [[11, 22]]
    """
    return elementwise(operator.add, a, b)


def subtract(a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """a - b, entry by entry.

    >>> subtract(1, [[0.25], [0.75]])
    [[0.75], [0.25]]
    """
    return elementwise(operator.sub, a, b)


def multiply(a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """a * b, entry by entry: numpy's *, not the matrix product.

    >>> multiply([[1, 2]], [[3, 4]]), multiply(2, [[0.5, 4]])
    ([[3, 8]], [[1.0, 8]])
    """
    return elementwise(operator.mul, a, b)


def elementwise(operation, a: Union[Number, Matrix], b: Union[Number, Matrix]) -> Matrix:
    """operation(x, y) for the entries x of a and y of b in the same place.

    A number pairs with every entry of the other.
    """
    if not isinstance(a, list):
        return [[operation(a, y) for y in row] for row in b]
    if not isinstance(b, list):
        return [[operation(x, b) for x in row] for row in a]
    if len(a) != len(b) or len(a[0]) != len(b[0]):
        raise ValueError("cannot combine a %s matrix with a %s matrix entry by entry"
                         % (shape(a), shape(b)))
    result = []
    for row_a, row_b in zip(a, b):
        if len(row_a) != len(row_b):  # map() would quietly stop at the shorter
            raise ValueError("cannot combine a row of %d entries with one of %d"
                             % (len(row_a), len(row_b)))
        result.append(list(map(operation, row_a, row_b)))
    return result


# --- The sigmoid, its slope, and the mean error -------------------------------

def sigmoid(m: Matrix) -> Matrix:
    """1 / (1 + e^-x) for each entry x: squashes any number into 0..1.

    >>> sigmoid([[0, 2], [-800, 10 ** 400]])
    [[0.5, 0.8807970779778823], [0.0, 1.0]]
    """
    try:
        return [[1 / (1 + math.exp(-x)) for x in row] for row in m]
    except OverflowError:  # some e^-x is beyond the floats: work those out one by one
        return [[1 / (1 + exp_or_inf(-x)) for x in row] for row in m]


def exp_or_inf(x: Number) -> float:
    """e^x, or inf where that is too big for a float (numpy's answer).

    >>> exp_or_inf(0), exp_or_inf(800), exp_or_inf(-10 ** 400)
    (1.0, inf, 0.0)
    """
    try:
        return math.exp(x)
    except OverflowError:  # x itself may be too big for a float
        return math.inf if x > 0 else 0.0


def sigmoid_slope(output: Matrix) -> Matrix:
    """The sigmoid's slope, given the sigmoid's *output* o: o * (1 - o).

    The programs hold o already (a layer's output), so no second e^x is
    needed.  The posts call this the derivative, but it is only right when
    handed a sigmoid's output, not its input.  It is largest, 0.25, at
    o = 0.5, where a neuron is least sure, and near 0 when the neuron is sure
    (o near 0 or 1): sure neurons are nudged least.

    >>> sigmoid_slope([[0.5, 0.9]])
    [[0.25, 0.08999999999999998]]
    """
    return [[o * (1 - o) for o in row] for row in output]


def absolute(m: Matrix) -> Matrix:
    """Each entry's size, its sign dropped: numpy's abs(m).

    >>> absolute([[0.5], [-0.25]])
    [[0.5], [0.25]]
    """
    return [[abs(x) for x in row] for row in m]


def mean(m: Matrix) -> float:
    """The average entry: all of them added, from left to right, over their count.

    Not sum(): from Python 3.12 it adds floats more precisely than numpy does,
    which would change the last digits printed.

    >>> mean([[0.5], [0.25]])
    0.375
    """
    total = 0.0
    for row in m:
        for x in row:
            total += x
    return total / (len(m) * column_count(m))


# ============================================================================
# PART II: THE WORKSHOP
#
# Nothing above needs what follows, except numpy_str and python2_str to print.
# Here: printing as the posts printed, --trace, the playground's data and its
# checks (all input is checked here, where it comes in), the pictures, bench
# and the command line.
# ============================================================================

import argparse
import contextlib
import csv
import errno
import io
import os
import stat
import sys
import time
from typing import Callable, NamedTuple, Optional, Sequence, Tuple

# ----------------------------------------------------------------------------
# Printing as the posts printed: numpy 1.13 and Python 2
# ----------------------------------------------------------------------------

NUMPY_PRECISION = 8   # digits after the point
NUMPY_LINE_WIDTH = 75


def numpy_str(m: Union[Vector, Matrix]) -> str:
    """A matrix (or a plain row) as numpy 1.13 printed it.

    >>> print(numpy_str([[9.672993027737, -0.2078435], [-4.62963669, 1.0]]))
    [[ 9.67299303 -0.2078435 ]
     [-4.62963669  1.        ]]
    >>> print(numpy_str([0.9999370428]))
    [ 0.99993704]
    >>> print(numpy_str([[1.23456789e-05], [0.999876543]]))
    [[  1.23456789e-05]
     [  9.99876543e-01]]
    """
    if not isinstance(m[0], list):
        return numpy_row(m, number_format(m), " ") + "]"
    number = number_format([x for row in m for x in row])
    return "[" + "]\n ".join(numpy_row(row, number, "  ") for row in m) + "]]"


def numpy_row(row: Vector, number: Callable, indent: str) -> str:
    """'[' and a row's numbers, one space apart, wrapped before numpy's 75 columns."""
    line, lines = indent, []
    for i, x in enumerate(row):
        word = number(x)
        if len(line) + len(word) > NUMPY_LINE_WIDTH:
            lines.append(line.rstrip())
            line = indent
        line += word if i == len(row) - 1 else word + " "
    lines.append(line)
    return "[" + "\n".join(lines)[len(indent):]


def number_format(numbers: Vector) -> Callable:
    """The function that writes each number of an array, chosen from all of them as numpy 1.13 chose."""
    finite = [abs(x) for x in numbers if math.isfinite(x) and x != 0]
    biggest, smallest = (max(finite), min(finite)) if finite else (0.0, 0.0)
    if finite and (biggest >= 1e8 or smallest < 0.0001 or biggest / smallest > 1000):
        # scientific: 8 digits after the point; exponents of 2 digits, or 3 for all
        # when any needs 3
        three_digits = 0 < smallest < 1e-99 or biggest >= 1e100
        width = 8 + NUMPY_PRECISION + three_digits

        def scientific(x):
            if not math.isfinite(x):
                return special(x, width)
            text = "%*.*e" % (width, NUMPY_PRECISION, x)
            if three_digits and text[-3] in "+-":
                text = text[1:-2] + "0" + text[-2:]
            return text
        return scientific
    # fixed point: as many decimals as the longest number needs, at most 8, and
    # a column for the sign even when nothing is negative
    decimals = max((decimals_needed(x) for x in finite), default=0)
    width = len(str(int(biggest))) + decimals + 2
    if any(not math.isfinite(x) for x in numbers):
        width = max(width, 4)

    def fixed(x):
        if not math.isfinite(x):
            return special(x, width)
        text = "%#*.*f" % (width, decimals, x)
        digits = text.rstrip("0")
        return digits + " " * (len(text) - len(digits))
    return fixed


def decimals_needed(x: float) -> int:
    """How many of the first 8 decimals of x are needed before only zeros follow.

    >>> decimals_needed(0.25), decimals_needed(1 / 3), decimals_needed(2.0)
    (2, 8, 0)
    """
    return len(("%.*f" % (NUMPY_PRECISION, x)).rstrip("0").split(".")[1])


def special(x: float, width: int) -> str:
    """nan, inf or -inf, right-aligned as numpy aligned them."""
    return ("nan" if math.isnan(x) else "inf" if x > 0 else "-inf").rjust(width)


def python2_str(x: Number) -> str:
    """A number as Python 2's str() wrote it: a float to 12 significant digits.

    >>> python2_str(0.4964100319027255), python2_str(0.5), python2_str(1.0), python2_str(10)
    ('0.496410031903', '0.5', '1.0', '10')
    """
    if isinstance(x, int):
        return str(x)
    text = "%.12g" % x
    digits = text.lstrip("-")
    if digits.isdigit() and len(digits) < 12:
        return text + ".0"  # a whole number keeps its point
    if digits.isdigit():  # 12 digits and a point would not fit: Python 2 wrote 1e+11
        mantissa, exponent = ("%.11e" % x).split("e")
        return mantissa.rstrip("0").rstrip(".") + "e" + exponent
    return text


# ----------------------------------------------------------------------------
# --trace: every matrix of the first and the last iteration
#
# The programs carry no tracing code.  Python's sys.settrace tells us each line
# a function runs; when its training loop comes back to its `for` line, one
# iteration is over, and the function's variables hold what it computed.
# ----------------------------------------------------------------------------

TRACE_NOTES = {
    # Milo's neuron (nine-lines, neuron)
    "output": "the neuron's answer for each example: sigmoid(inputs . weights)",
    "error": "how far off each answer is: the wanted output minus the answer",
    "adjustment": "each weight's change: inputs^T . (error * sigmoid slope at output)",
    "synaptic_weights": "the weights, a row per input, after this iteration's change",
    # Milo's two layers (multi-layer)
    "output_from_layer_1": "layer 1's outputs: sigmoid(inputs . layer 1's weights)",
    "output_from_layer_2": "the answers: sigmoid(output_from_layer_1 . layer 2's weights)",
    "layer2_error": "how far off each answer is: the wanted output minus the answer",
    "layer2_delta": "layer2_error times the sigmoid's slope at the answers",
    "layer1_error": "layer 1's share of the blame: layer2_delta . layer 2's weights^T",
    "layer1_delta": "layer1_error times the sigmoid's slope at output_from_layer_1",
    "layer1_adjustment": "layer 1's change: inputs^T . layer1_delta",
    "layer2_adjustment": "layer 2's change: output_from_layer_1^T . layer2_delta",
    # Trask's networks (two-layer, three-layer, eleven-lines)
    "l0": "layer 0, the inputs X: one example a row",
    "l1": "layer 1's outputs: sigmoid(l0 . syn0)",
    "l2": "layer 2's outputs, the answers: sigmoid(l1 . syn1)",
    "l1_error": "l1's blame: y - l1 where l1 is the answer, else l2_delta . syn1^T",
    "l2_error": "how far off each answer is: y - l2",
    "mean_error": "the mean size of the error, as last printed (every 10,000 iterations)",
    "l1_delta": "l1_error times the sigmoid's slope at l1",
    "l2_delta": "l2_error times the sigmoid's slope at l2: sure answers move least",
    "syn0": "the weights from layer 0 to layer 1, after this iteration's update",
    "syn1": "the weights from layer 1 to layer 2, after this iteration's update",
    # Trask's Part 2 (gradient-descent)
    "layer_0": "layer 0, the inputs X: one example a row",
    "layer_1": "layer 1's outputs: sigmoid(layer_0 . synapse_0)",
    "layer_2": "layer 2's outputs, the answers: sigmoid(layer_1 . synapse_1)",
    "layer_2_error": "layer_2 - y: uphill on the error, so the weights step against it",
    "layer_2_delta": "layer_2_error times the sigmoid's slope at layer_2",
    "layer_1_error": "layer 1's share: layer_2_delta . synapse_1^T",
    "layer_1_delta": "layer_1_error times the sigmoid's slope at layer_1",
    "synapse_0_weight_update": "synapse_0's step before alpha scales it: layer_0^T . layer_1_delta",
    "synapse_1_weight_update": "synapse_1's step before alpha scales it: layer_1^T . layer_2_delta",
    "synapse_0": "the weights from layer 0 to layer 1, after this iteration's step",
    "synapse_1": "the weights from layer 1 to layer 2, after this iteration's step",
    "synapse_0_direction_count": "how often each synapse_0 update has turned round so far",
    "synapse_1_direction_count": "how often each synapse_1 update has turned round so far",
    "prev_synapse_0_weight_update": "this iteration's synapse_0 update, kept for the next",
    "prev_synapse_1_weight_update": "this iteration's synapse_1 update, kept for the next",
    # the playground's network (train)
    "outputs": "each layer's outputs, the inputs first: sigmoid(the one before . its weights)",
    "weights": "each layer's weights (the last row: the bias, if on), after this update",
    "layer_error": "the last layer's error, y - answer; then each layer's share, going back",
    "delta": "the first layer's delta, where going backward ends: its error * slope",
    "update": "the first layer's update before alpha scales it: inputs^T . delta",
}

def training_loop(function: Callable) -> Tuple[int, str, List[str]]:
    """A function's first `for COUNTER in range(...)`: its line, its counter and what it assigns.

    >>> training_loop(three_layer)[1:]
    ('j', ['l0', 'l1', 'l2', 'l2_error', 'mean_error', 'l2_delta', 'l1_error', 'l1_delta', 'syn1', 'syn0'])
    """
    import ast, inspect, textwrap  # here, not at the top: they slow every start, PyPy's most
    lines, first_line = inspect.getsourcelines(function)
    for loop in ast.walk(ast.parse(textwrap.dedent("".join(lines)))):
        if (isinstance(loop, ast.For) and isinstance(loop.target, ast.Name)
                and isinstance(loop.iter, ast.Call)
                and getattr(loop.iter.func, "id", None) == "range"):
            break
    else:
        raise ValueError("%s has no `for ... in range(...)` loop to trace" % function.__name__)
    assignments = sorted((node for node in ast.walk(loop) if isinstance(node, ast.Assign)),
                         key=lambda node: (node.lineno, node.col_offset))
    names = []
    for assignment in assignments:
        for target in assignment.targets:
            for part in target.elts if isinstance(target, ast.Tuple) else [target]:
                name = dotted_name(part)
                if name not in names and name != loop.target.id:
                    names.append(name)
    return first_line + loop.lineno - 1, loop.target.id, names


def dotted_name(target) -> str:
    """The name an assignment target stands for: 'x', 'self.weights', or 'weights' for weights[k]."""
    import ast
    if isinstance(target, ast.Attribute):
        return dotted_name(target.value) + "." + target.attr
    if isinstance(target, ast.Subscript):
        return dotted_name(target.value)
    return target.id


@contextlib.contextmanager
def tracing(loop_function: Callable, iterations: int):
    """While inside, print what loop_function's first and last iteration computed."""
    loop_line, counter, names = training_loop(loop_function)
    code = loop_function.__code__
    previous_line = 0

    def each_line(frame, event, arg):
        nonlocal previous_line
        # back at the `for` from a line below it: an iteration is over
        if event == "line" and frame.f_lineno == loop_line and previous_line > loop_line:
            iteration = frame.f_locals[counter]
            if iteration in (0, iterations - 1):
                print_iteration(iteration, frame.f_locals, names)
        previous_line = frame.f_lineno
        return each_line

    def each_call(frame, event, arg):
        nonlocal previous_line
        if frame.f_code is code:
            previous_line = 0
            return each_line
        return None

    tracer_before = sys.gettrace()
    sys.settrace(each_call)
    try:
        yield
    finally:
        sys.settrace(tracer_before)


def print_iteration(iteration: int, variables, names: List[str]) -> None:
    """Each value the loop assigned, in the order it assigns them, with a note saying what it is."""
    print("--- iteration %d ---" % iteration)
    for name in names:
        base, *attributes = name.split(".")
        if base not in variables:  # assigned on some iterations only
            continue
        value = variables[base]
        for attribute in attributes:
            value = getattr(value, attribute)
        if isinstance(value, list) and value and isinstance(value[0], list) \
                and value[0] and isinstance(value[0][0], list):  # a list of matrices
            labelled = [("%s[%d]" % (name, k), matrix) for k, matrix in enumerate(value)]
        else:
            labelled = [(name, value)]
        note = TRACE_NOTES.get(name.split(".")[-1])
        for label, value in labelled:
            print("%s: %s" % (label, note) if note else label + ":")
            print(numpy_str(value) if isinstance(value, list) else python2_str(value)
                  if isinstance(value, (int, float)) else repr(value))


# ----------------------------------------------------------------------------
# What the command line accepts
#
# A classroom tool on a school machine: each limit keeps one run to about a
# minute and a few hundred MB.  Everything from outside (arguments, data files)
# is converted and checked here, once, before anything is trained.
# ----------------------------------------------------------------------------

MAX_ITERATIONS = 1000000          # of one network
MAX_NEURONS = 1000                # inputs, or neurons in a layer
MAX_LAYERS = 10                   # sizes in --layers, the inputs included
MAX_ALPHAS = 20                   # --alpha given again and again
MAX_DATA_BYTES = 10 * 1024 * 1024
MAX_EXAMPLES = 100000
MAX_NUMBERS = 1000000             # in a data file, all lines together
MAX_CELL_CHARACTERS = 100         # one number as text
MAX_RUNS = 100                    # bench
TABLE_MAX_INPUTS = 10             # --table lists 2**inputs rows: 1024 at most
MAX_ARGUMENTS = 1000              # words on the command line: argparse slows with their square
MAX_SECONDS = 60                  # a whole run, as estimated below: about a minute
MAX_BYTES = 300 * 1024 * 1024     # a run's memory: a few hundred MB


class InputError(ValueError):
    """Bad input from outside: the command line reports it in one line, with exit status 2."""


def whole_number(text: str, what: str, low: int, high: int) -> int:
    """A whole number from low to high, or an InputError that names what it was for.

    >>> whole_number("60000", "--iterations", 0, MAX_ITERATIONS)
    60000
    """
    number = read_number(text, what, int)
    if not low <= number <= high:
        raise InputError("%s must be from %d to %d, got %s" % (what, low, high, quoted(text)))
    return number


def real_number(text: str, what: str) -> Number:
    """A number a float can hold, kept whole when written as one: '10' is 10, '0.5' is 0.5.

    >>> real_number("10", "--alpha"), real_number(" 0.5", "--alpha")
    (10, 0.5)
    """
    whole = isinstance(text, str) and text.strip().lstrip("+-").isdigit()
    number = read_number(text, what, int if whole else float)
    if not -1e300 < number < 1e300:  # refuses inf and nan too, and whole numbers no float holds
        raise InputError("%s takes a finite number, got %s" % (what, quoted(text)))
    return number


def read_number(text: str, what: str, kind: type) -> Number:
    """int(text) or float(text), refusing text too long for a number as Python's int() may not."""
    if len(text_of(text, what)) <= MAX_CELL_CHARACTERS:
        try:
            return kind(text)
        except ValueError:
            pass
    raise InputError("%s takes %s, got %s"
                     % (what, "a whole number" if kind is int else "a number", quoted(text)))


def text_of(text: str, what: str) -> str:
    """The text itself: anything else is a caller's mistake, not the user's input."""
    if not isinstance(text, str):
        raise TypeError("%s: expected text, got %r" % (what, text))
    return text


def quoted(text: str) -> str:
    """Input quoted for a message, the middle of a long one left out.

    >>> quoted("abc"), quoted("1" * 401)
    ("'abc'", "'11111111111111111111...' (401 characters)")
    """
    return repr(text) if len(text) <= 40 else "%r (%d characters)" % (text[:20] + "...", len(text))


def learning_rate(text: str) -> Number:
    """An alpha above 0, kept as Python would print it.

    >>> learning_rate("10"), learning_rate("0.001")
    (10, 0.001)
    """
    alpha = real_number(text, "--alpha")
    if not alpha > 0:
        raise InputError("--alpha must be more than 0, got %s" % quoted(text))
    return alpha


def numbers(text: str, what: str) -> Vector:
    """Numbers separated by commas, as --ask takes them.

    >>> numbers("1, 0,0.5", "--ask")
    [1, 0, 0.5]
    """
    parts = text_of(text, what).split(",")
    if len(parts) > MAX_NEURONS:
        raise InputError("%s takes at most %d numbers, got %d" % (what, MAX_NEURONS, len(parts)))
    return [real_number(part, what) for part in parts]


def layer_sizes(text: str) -> List[int]:
    """Layer sizes from '3,4,1': the number of inputs, then each layer's neurons.

    >>> layer_sizes("3,4,1")
    [3, 4, 1]
    """
    sizes = text_of(text, "--layers").split(",")
    if not 2 <= len(sizes) <= MAX_LAYERS:
        raise InputError("--layers takes 2 to %d sizes, the inputs first, like 3,4,1; got %s"
                         % (MAX_LAYERS, quoted(text)))
    return [whole_number(size, "each size in --layers", 1, MAX_NEURONS) for size in sizes]


def check_arguments(argv: Sequence[str]) -> None:
    """Refuse a command line too long to read quickly: argparse's time grows with its words squared."""
    if len(argv) > MAX_ARGUMENTS:
        raise InputError("the command line has %d words, more than the %d it takes"
                         % (len(argv), MAX_ARGUMENTS))


# --- What a run costs ---------------------------------------------------------
#
# Every run is estimated before it starts, and refused when it would pass
# about a minute (MAX_SECONDS) or a few hundred MB (MAX_BYTES).  The costs are
# measured with CPython 3.11 on the machine these tests run on, taken as a
# school laptop; PyPy runs the same work several times faster.  To measure
# them again when the code gets faster or slower: python3 .ci/bench_limits.py,
# which runs real commands and prints measured time over estimated time.

# An iteration of training, piece by piece (train_network; the posts' programs
# do the same work on their small networks):
SECONDS_A_MULTIPLY_ADD = 24e-9   # dot's innermost step: an example's input times a weight
SECONDS_AN_INPUT = 10e-9         # an example's input to a layer, transposed for the update
SECONDS_A_NEURON = 160e-9        # a neuron's answer to an example: sigmoid, slope, error, delta
SECONDS_A_ROW = 0.9e-6           # an example's row through a layer's dozen helper calls
SECONDS_A_WEIGHT = 0.25e-6       # a weight's update: transposed, scaled by alpha, added
SECONDS_A_LAYER = 2.5e-6         # a layer's helper calls themselves
# Matrices much bigger than the processor's cache, and the garbage collector
# walking their many rows, make each entry up to MOST_SLOWDOWN times slower.
CACHE_ENTRIES = 300000
ROW_ENTRIES = 3                  # a row's own list weighs on both as much as 3 entries
MOST_SLOWDOWN = 2.2
# Answering one situation (--ask, a row of --table) reads each weight once,
# column by column, out of the order they lie in memory:
SECONDS_AN_ANSWER_MULTIPLY_ADD = 50e-9
SECONDS_AN_ANSWER_NEURON = 0.45e-6
SECONDS_AN_ANSWER_LAYER = 5e-6
# Reading a data file, before the estimate is made but part of the run:
SECONDS_A_LINE_READ = 5e-6
SECONDS_A_NUMBER_READ = 1e-6
DIRECTIONS_SLOWDOWN = 1.2        # gradient-descent --directions: counting turns too
TRACE_SLOWDOWN = 3.5             # --trace: Python calls the tracer at every function call
SECONDS_A_PRINTED_NUMBER = 2e-6  # numpy_str, for --trace
SECONDS_A_NOTED_ERROR = 3e-6     # --every: an error worked out and printed, or kept for --plot
SECONDS_A_TABLE_CHECK = 0.1e-6   # --table: one training example compared with one row

# Memory: a float is 24 bytes on CPython, and its list holds an 8-byte pointer
# to it; each row is a list of its own.  Training keeps about LIVE_MATRICES
# matrices of the widest layer's size (and of the weights) alive at once.
BYTES_A_NUMBER = 32
BYTES_A_ROW = 88
LIVE_MATRICES = 6
BYTES_AT_START = 20 * 1024 * 1024  # Python with this file loaded
BYTES_A_NOTED_ERROR = 120          # --every or --plot: (iteration, error), kept to the end
BYTES_A_TRACED_NUMBER = 100        # --trace: numpy_str's text, and the numbers it looks through

# Each post program's network, by its name on the command line: its examples
# and layer sizes.  gradient-descent's hidden layer is its hidden_size, and it
# trains one network for each alpha.
POST_NETWORKS = {"nine-lines": (4, [3, 1]), "neuron": (4, [3, 1]), "two-layer": (4, [3, 1]),
                 "three-layer": (4, [3, 4, 1]), "eleven-lines": (4, [3, 4, 1]),
                 "multi-layer": (7, [3, 4, 1]), "gradient-descent": (4, [3, 4, 1])}


def training_seconds(iterations: int, examples: int, layers: Sequence[int],
                     bias: bool = False) -> float:
    """About how many seconds train_network takes on a school laptop with CPython.

    >>> round(training_seconds(60000, 4, [3, 4, 1]), 1)  # the 3-layer network's training
    1.4
    """
    extra = 1 if bias else 0  # the bias: one more input to each layer
    pairs = list(zip(layers, layers[1:]))  # each layer's inputs and neurons
    # forward and the update: (inputs + bias) x neurons an example each; the
    # error sent back to the layer below: inputs x neurons more, above the first
    multiply_adds = sum((2 * (inputs + extra) + (inputs if k else 0)) * neurons
                        for k, (inputs, neurons) in enumerate(pairs))
    weights = sum((inputs + extra) * neurons for inputs, neurons in pairs)
    an_example = (multiply_adds * SECONDS_A_MULTIPLY_ADD
                  + sum(inputs + extra for inputs, _ in pairs) * SECONDS_AN_INPUT
                  + sum(neurons for _, neurons in pairs) * SECONDS_A_NEURON
                  + len(pairs) * SECONDS_A_ROW)
    slowdown = cache_slowdown(examples * (max(layers) + extra + ROW_ENTRIES), weights)
    an_iteration = (slowdown * (examples * an_example + weights * SECONDS_A_WEIGHT)
                    + len(pairs) * SECONDS_A_LAYER)
    return iterations * an_iteration


def cache_slowdown(*entries: int) -> float:
    """How much slower each entry's work gets when the biggest matrix has this many entries."""
    return min(MOST_SLOWDOWN, 1 + max(entries) / CACHE_ENTRIES)


def answer_seconds(layers: Sequence[int], bias: bool = False) -> float:
    """About how long a trained network takes to answer one situation (--ask, a --table row)."""
    extra = 1 if bias else 0
    pairs = list(zip(layers, layers[1:]))
    weights = sum((inputs + extra) * neurons for inputs, neurons in pairs)
    return (cache_slowdown(weights) * weights * SECONDS_AN_ANSWER_MULTIPLY_ADD
            + sum(layers[1:]) * SECONDS_AN_ANSWER_NEURON + len(pairs) * SECONDS_AN_ANSWER_LAYER)


def matrix_bytes(rows: int, columns: int) -> int:
    """About how much memory a matrix of floats takes on CPython.

    >>> matrix_bytes(1000, 1000) // 2 ** 20  # a million floats: about 31 MB
    30
    """
    return rows * (BYTES_A_ROW + columns * BYTES_A_NUMBER)


def train_seconds(iterations: int, examples: int, layers: Sequence[int], bias: bool = False,
                  trace: bool = False, every: int = 0, asks: int = 0,
                  table: bool = False) -> float:
    """About how long the train command takes: reading, training, then what is printed.

    every: how often an error is noted (--every, or --plot's own); asks: how
    many --ask; table: whether --table lists the 2**inputs answers.

    >>> train_seconds(20000, 5000, [2, 1]) > MAX_SECONDS  # a class's 5,000-row file: 2 minutes
    True
    """
    seconds = training_seconds(iterations, examples, layers, bias)
    if trace:
        # every matrix of two iterations printed: the layers' outputs, an error
        # and a delta as wide as the widest layer, the update and the weights
        weights = sum(inputs * neurons for inputs, neurons in zip(layers, layers[1:]))
        printed = 2 * (examples * (sum(layers) + 2 * max(layers)) + 2 * weights)
        seconds = seconds * TRACE_SLOWDOWN + printed * SECONDS_A_PRINTED_NUMBER
    if every:
        notes = iterations // every + 1
        seconds += notes * (SECONDS_A_NOTED_ERROR + examples * layers[-1] * SECONDS_A_NEURON)
    seconds += examples * (SECONDS_A_LINE_READ + (layers[0] + layers[-1]) * SECONDS_A_NUMBER_READ)
    one_answer = answer_seconds(layers, bias)
    seconds += asks * one_answer
    if table:
        seconds += 2 ** layers[0] * (one_answer + examples * SECONDS_A_TABLE_CHECK)
    return seconds


def train_bytes(iterations: int, examples: int, layers: Sequence[int], bias: bool = False,
                trace: bool = False, every: int = 0) -> int:
    """About how much memory the train command takes at its peak, the data included.

    >>> train_bytes(10000, 20000, [1, 1000, 1]) > 3 * 2 ** 30  # 3.2 GB measured
    True
    """
    extra = 1 if bias else 0
    widest = matrix_bytes(examples, max(layers) + extra)
    weights = sum(matrix_bytes(inputs + extra, neurons)
                  for inputs, neurons in zip(layers, layers[1:]))
    data = matrix_bytes(examples, layers[0]) + matrix_bytes(examples, layers[-1])
    total = BYTES_AT_START + data + LIVE_MATRICES * (widest + weights)
    if every:
        total += (iterations // every + 1) * BYTES_A_NOTED_ERROR
    if trace:
        total += BYTES_A_TRACED_NUMBER * examples * (max(layers) + extra)
    return total


def program_seconds(function: Callable, network: Tuple[int, List[int]], trace: bool = False,
                    **settings) -> float:
    """About how long a post's program takes with these settings, its own defaults for the rest.

    network: its examples and layer sizes (see POST_NETWORKS).

    >>> round(program_seconds(gradient_descent, (4, [3, 4, 1]), hidden_size=32))  # 42 s measured
    40
    """
    import inspect  # here, not at the top: see training_loop
    given = {name: parameter.default
             for name, parameter in inspect.signature(function).parameters.items()}
    given.update(settings)
    examples, layers = network
    if "hidden_size" in given:
        layers = [layers[0], given["hidden_size"], layers[-1]]
    networks = len(given["alphas"]) if "alphas" in given else 1
    seconds = networks * training_seconds(given["iterations"], examples, layers)
    if given.get("directions"):
        seconds *= DIRECTIONS_SLOWDOWN
    return seconds * (TRACE_SLOWDOWN if trace else 1)


def check_run(seconds: float, memory: float = 0,
              advice: str = "use fewer iterations, examples or neurons") -> None:
    """Refuse, before it starts, a run estimated to pass about a minute or a few hundred MB.

    >>> check_run(200)
    Traceback (most recent call last):
    ...
    pureneuron.InputError: this run would take about 3 minutes, over the limit of about a minute; use fewer iterations, examples or neurons
    """
    if seconds > MAX_SECONDS:
        raise InputError("this run would take %s, over the limit of %s; %s"
                         % (duration_words(seconds), duration_words(MAX_SECONDS), advice))
    if memory > MAX_BYTES:
        raise InputError("this run would need %s of memory, over the limit of %s; use fewer "
                         "examples or neurons" % (size_words(memory), size_words(MAX_BYTES)))


def duration_words(seconds: float) -> str:
    """A time as a person says it, in whole units.

    >>> duration_words(60), duration_words(73), duration_words(200), duration_words(9000)
    ('about a minute', 'about 73 seconds', 'about 3 minutes', 'about 3 hours')
    """
    if seconds < 1:
        return "under a second"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        amount = seconds / size
        if amount == 1 or amount >= 2 or size == 1:  # 90 seconds, not "about 2 minutes"
            break
    whole = int(amount + 0.5)
    if whole == 1:
        return "about %s %s" % ("an" if unit == "hour" else "a", unit)
    return "about %d %ss" % (whole, unit)


def size_words(size: float) -> str:
    """An amount of memory in MB or GB, as a person says it.

    >>> size_words(300 * 2 ** 20), size_words(3.2 * 2 ** 30)
    ('300 MB', 'about 3.2 GB')
    """
    megabytes = size / 2 ** 20
    if megabytes == int(megabytes):
        return "%d MB" % megabytes
    return "about %d MB" % megabytes if megabytes < 1000 else "about %.1f GB" % (megabytes / 1024)


def limits_text() -> str:
    """The limits as --help's last paragraph states them."""
    return ("Limits: every run is estimated before it starts and refused if it would take "
            "more than %s or a few hundred MB of memory (%s) on a school laptop; the posts' "
            "programs at their own settings always run. At most %d iterations a network, %d "
            "neurons a layer, %d sizes in --layers; data files of %d MB, %d examples and %d "
            "numbers; %d words on the command line."
            % (duration_words(MAX_SECONDS), size_words(MAX_BYTES), MAX_ITERATIONS, MAX_NEURONS,
               MAX_LAYERS, MAX_DATA_BYTES // 2 ** 20, MAX_EXAMPLES, MAX_NUMBERS, MAX_ARGUMENTS))


# ----------------------------------------------------------------------------
# The playground's data: named tables and CSV files
# ----------------------------------------------------------------------------

# The posts' tables, and two logic gates; the third input is always 1.
DATASETS = {
    "milo": ([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]], [[0], [1], [1], [0]],
             "Milo's table: the answer is the first input"),
    "trask": ([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [[0], [1], [1], [0]],
              "Trask's 3-layer table: the exclusive-or of the first two inputs"),
    "trask-2layer": ([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [[0], [0], [1], [1]],
                     "Trask's 2-layer table: the answer is the first input"),
    "multi-layer": ([[0, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0], [1, 0, 0], [1, 1, 1],
                     [0, 0, 0]], [[0], [1], [1], [1], [1], [0], [0]],
                    "Milo's multi-layer table, 7 examples"),
    "and": ([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [[0], [0], [0], [1]],
            "1 when both of the first two inputs are 1"),
    "or": ([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [[0], [1], [1], [1]],
           "1 when either of the first two inputs is 1"),
    "xor": ([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]], [[0], [1], [1], [0]],
            "1 when exactly one of the first two inputs is 1"),
}


def parse_examples(lines: Sequence[str], name: str = "data") -> Tuple[Matrix, Matrix]:
    """The inputs and targets in CSV lines, the target last; a first line of names is skipped.

    Blank lines are ignored; every other line must have as many fields as the
    first.  The first line is a header only when none of its cells is a number.

    >>> parse_examples(["a,b,answer", "0, 1, 1", "", "1,1,0.5"])
    ([[0, 1], [1, 1]], [[1], [0.5]])
    """
    X, y, fields, first = [], [], None, None
    for number, line in enumerate(lines, 1):
        if not isinstance(line, str):
            raise TypeError("parse_examples takes lines of text, got %r" % (line,))
        if not line.strip():
            continue
        where = "%s line %d" % (name, number)
        try:
            cells = next(csv.reader([line], strict=True))
        except csv.Error as error:
            raise InputError("%s: %s" % (where, error)) from None
        if fields is None:
            first, fields = number, len(cells)
            if not 2 <= fields <= MAX_NEURONS + 1:
                raise InputError("%s: %d fields, but a line holds the inputs, then the target: "
                                 "2 to %d fields" % (where, fields, MAX_NEURONS + 1))
            if not any(is_number(cell) for cell in cells):
                continue  # a header: names, not numbers
        if len(cells) != fields:
            raise InputError("%s: %d fields, but line %d has %d (the inputs, then the target)"
                             % (where, len(cells), first, fields))
        if len(X) == MAX_EXAMPLES or (len(X) + 1) * fields > MAX_NUMBERS:
            raise InputError("%s: more than %d examples or %d numbers, the most a lesson "
                             "trains on" % (name, len(X), MAX_NUMBERS))
        values = [real_number(cell, "%s, column %d" % (where, column))
                  for column, cell in enumerate(cells, 1)]
        if not 0 <= values[-1] <= 1:
            raise InputError("%s, column %d: the target %s is outside 0..1, where the sigmoid "
                             "answers" % (where, fields, cells[-1].strip()))
        X.append(values[:-1])
        y.append(values[-1:])
    if not X:
        raise InputError("%s has no examples" % name)
    return X, y


def is_number(cell: str) -> bool:
    """Whether a cell reads as a number at all (finite or not).

    >>> is_number(" 1"), is_number("0x1"), is_number("nan"), is_number("answer")
    (True, False, True, False)
    """
    try:
        float(cell)
        return True
    except ValueError:
        return False


def read_examples(path) -> Tuple[Matrix, Matrix]:
    """The examples in a CSV file: a regular file, read only, at most MAX_DATA_BYTES."""
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError("a data file's path is a str or os.PathLike, got %r" % (path,))
    name = os.fspath(path)
    try:
        # without blocking: a FIFO with no writer would otherwise wait here forever
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(descriptor, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise InputError("%s is not a regular file" % name)
            data = file.read(MAX_DATA_BYTES + 1)
    except OSError as error:
        raise InputError("cannot read %s: %s" % (name, error.strerror or error)) \
            from None
    if len(data) > MAX_DATA_BYTES:
        raise InputError("%s is over %d MB, more than a lesson trains on"
                         % (name, MAX_DATA_BYTES // 2 ** 20))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("cannot read %s: it is not UTF-8 text" % name) from None
    if "\0" in text:
        raise InputError("cannot read %s: it holds binary data, not CSV text" % name)
    return parse_examples(text.split("\n"), name)


def load_data(name_or_path) -> Tuple[Matrix, Matrix, str]:
    """The inputs, targets and a description of a named table (see DATASETS) or of a CSV file.

    A name wins over a file of the same name: ./xor reads a file called xor.

    >>> load_data("and")[1]
    [[0], [0], [0], [1]]
    """
    if isinstance(name_or_path, str) and name_or_path in DATASETS:
        return DATASETS[name_or_path]
    X, y = read_examples(name_or_path)
    return X, y, "%s of %s" % (plural(len(X), "example"), plural(len(X[0]), "input"))


def plural(count: int, word: str) -> str:
    """'1 example', '2 examples'."""
    return "%d %s%s" % (count, word, "" if count == 1 else "s")


def check_network(X: Matrix, y: Matrix, layers: Sequence[int], bias: bool = False) -> None:
    """Refuse layers that do not fit the examples: the data's inputs first, its targets last."""
    text = ",".join(map(str, layers))
    if layers[0] != len(X[0]):
        raise InputError("layers %s start with %d inputs, but the data has %d inputs an example%s"
                         % (text, layers[0], len(X[0]),
                            " (--bias adds its constant 1 itself: count only the data's)"
                            if bias else ""))
    if layers[-1] != len(y[0]):
        raise InputError("layers %s end with %d outputs, but the data has %d target an example"
                         % (text, layers[-1], len(y[0])))


# ----------------------------------------------------------------------------
# After training: answers, the answer table and the pictures
# ----------------------------------------------------------------------------

def answer(result: dict, situation: Vector) -> float:
    """A trained network's answer for one new situation (a list of inputs).

    >>> answer({"weights": [[[3.0], [-2.0]]], "bias": True}, [0])  # sigmoid(0*3 + 1*-2)
    0.11920292202211755
    """
    return forward(result["weights"], [list(situation)], result["bias"])[-1][0][0]


def answer_table(result: dict, X: Matrix, y: Matrix) -> List[tuple]:
    """The answer for every 0/1 combination of the inputs, with the targets of matching examples.

    >>> net = {"layers": [2, 1], "weights": [[[0.0], [0.0]]], "bias": False}
    >>> answer_table(net, [[1, 1]], [[1]])
    [([0, 0], 0.5, []), ([0, 1], 0.5, []), ([1, 0], 0.5, []), ([1, 1], 0.5, [1])]
    """
    inputs = result["layers"][0]
    rows = []
    for number in range(2 ** inputs):
        situation = [(number >> bit) & 1 for bit in reversed(range(inputs))]
        targets = [target[0] for example, target in zip(X, y) if example == situation]
        rows.append((situation, answer(result, situation), targets))
    return rows


def print_training(result: dict, asks: Sequence[Vector], table, plot: bool) -> None:
    """What train prints after training: the weights, then the answers and pictures asked for.

    table: None, or the training data's (X, y) for the answer table.
    """
    bias = result["bias"]
    print("Weights after training%s:" % (" (the last row of each: the bias)" if bias else ""))
    for k, synapses in enumerate(result["weights"]):
        print("syn%d (%s%s -> %s):" % (k, plural(result["layers"][k], "input"),
                                        " + bias" if bias else "",
                                        plural(len(synapses[0]), "neuron")))
        print(numpy_str(synapses))
    for situation in asks:
        print("New situation %s -> %.8f" % (",".join(map(str, situation)),
                                             answer(result, situation)))
    if table is not None:
        print_answer_table(answer_table(result, *table), result)
    if plot:
        print("\n".join(error_plot(result["errors"])))


def print_answer_table(rows: List[tuple], result: dict) -> None:
    """The answer table: inputs, answer, and the target where the row was a training example."""
    width = max(len("inputs"), 2 * len(rows[0][0]) - 1)
    print("%-*s  %-10s  %s" % (width, "inputs", "answer", "trained on"))
    for situation, output, targets in rows:
        seen = "yes, target %s" % ", ".join(map(str, targets)) if targets else ""
        print(("%-*s  %.8f  %s" % (width, " ".join(map(str, situation)), output, seen)).rstrip())
    if not result["bias"]:
        # why the all-zero row says (or starts from) 0.5, in one line
        if len(result["weights"]) == 1:
            print("All zeros give 0.5: weights times 0 add up to 0; sigmoid(0) = 0.5. "
                  "Try --bias.")
        else:
            print("All zeros: the first layer can only say sigmoid(0) = 0.5. Try --bias.")


def error_plot(errors: Sequence[Tuple[int, float]], width: int = 60,
               height: int = 15) -> List[str]:
    """The error curve in plain text: iterations across, error up (log scale when it spans a decade).

    errors: (iteration, error) pairs, as train_network notes them.

    >>> print("\\n".join(error_plot([(0, 0.5), (1, 0.4), (2, 0.3), (3, 0.2)], width=4, height=3)))
    Mean absolute error by iteration (linear scale)
          0.5 |*
         0.35 | **
          0.2 |   *
              +----
               0  3
               iteration
    """
    if not errors:
        return ["No errors were noted, so no error curve to draw."]
    columns = min(width, len(errors))
    last = len(errors) - 1
    picked = [errors[round(c * last / (columns - 1)) if columns > 1 else 0] for c in range(columns)]
    finite = [e for _, e in picked if math.isfinite(e)]
    if not finite:
        return ["The error is not a number (nan): the weights overflowed. Try a smaller --alpha."]
    high, low = max(finite), min(finite)
    # A log scale shows a fall from 0.5 to 0.005 as plainly as one from 0.5 to
    # 0.05; on a linear scale all but the first drop would hug the bottom.
    logarithmic = low > 0 and high / low >= 10
    scale = math.log10 if logarithmic else (lambda e: e)
    top, bottom = scale(high), scale(low)

    def row_of(e):
        return 0 if top == bottom else round((scale(e) - bottom) / (top - bottom) * (height - 1))

    def value_at(row):
        v = bottom + (top - bottom) * row / (height - 1)
        return 10 ** v if logarithmic else v

    grid = [[" "] * columns for _ in range(height)]
    previous = None
    for c, (_, e) in enumerate(picked):
        if not math.isfinite(e):  # weights that overflowed: nothing to draw here
            previous = None
            continue
        row = row_of(e)
        if previous is not None and abs(previous - row) > 1:
            # a steep drop: join the points so the curve reads as one line
            for between in range(min(previous, row) + 1, max(previous, row)):
                grid[between][c] = ":"
        grid[row][c] = "*"
        previous = row
    labelled = {height - 1, 0, (height - 1) // 2} if top != bottom else {0}
    lines = ["Mean absolute error by iteration (%s)"
             % ("log scale: it spans %.1f decades" % (top - bottom) if logarithmic
                else "linear scale")]
    for row in reversed(range(height)):
        label = "%.3g" % value_at(row) if row in labelled else ""
        lines.append("%9s |%s" % (label, "".join(grid[row]).rstrip()))
    lines.append(" " * 10 + "+" + "-" * columns)
    ticks = [" "] * (columns + 12)
    for c in (0, columns - 1, columns // 2):  # the middle only where it fits
        text = str(picked[c][0])
        start = min(c, columns - len(text)) if c else 0
        if all(ch == " " for ch in ticks[max(start - 1, 0):start + len(text) + 1]):
            ticks[start:start + len(text)] = text
    lines.append(" " * 11 + "".join(ticks).rstrip())
    lines.append(" " * 11 + "iteration".center(columns).rstrip())
    return lines


SIGMOID_FLAT_SLOPE = 0.02


def sigmoid_picture(columns: int = 61, rows: int = 21, reach: float = 6) -> List[str]:
    """The S curve from x = -reach to reach in plain text, its steepest point and flat ends marked."""
    xs = [-reach + 2 * reach * c / (columns - 1) for c in range(columns)]
    ys = sigmoid([xs])[0]
    slopes = sigmoid_slope([ys])[0]
    steepest = max(range(columns), key=slopes.__getitem__)
    flat = [slope < SIGMOID_FLAT_SLOPE for slope in slopes]
    grid = [[" "] * columns for _ in range(rows)]
    for c, y in enumerate(ys):
        grid[round(y * (rows - 1))][c] = "O" if c == steepest else "=" if flat[c] else "*"
    # dotted guides from the steepest point to both axes
    middle = round(ys[steepest] * (rows - 1))
    for c in range(steepest):
        if grid[middle][c] == " ":
            grid[middle][c] = "."
    for r in range(middle):
        if grid[r][steepest] == " ":
            grid[r][steepest] = "."
    per_unit = (columns - 1) / (2 * reach)
    lines = ["The sigmoid y = 1 / (1 + e^-x) squashes every x into 0..1", "   y"]
    for r in reversed(range(rows)):
        label = "%.2f" % (r / (rows - 1)) if r % 5 == 0 else ""
        lines.append("%4s |%s" % (label, "".join(grid[r]).rstrip()))
    # x ticks every whole unit, each number's last digit under its tick
    axis, labels = [], [" "] * (columns + 7)
    for c in range(columns):
        on_tick = round(c / per_unit) == c / per_unit
        axis.append("+" if on_tick and c else "-")  # column 0's tick is the corner
        if on_tick:
            text = "%d" % round(xs[c])
            labels[c + 7 - len(text):c + 7] = text
    lines.append("     +" + "".join(axis) + "  x")
    lines.append("".join(labels).rstrip())
    flat_from = min(abs(x) for x, f in zip(xs, flat) if f)
    lines.append("")
    lines.append("  O  steepest at x = %g: y = %g, slope %g, so unsure neurons learn fastest"
                 % (xs[steepest], ys[steepest], slopes[steepest]))
    lines.append("  =  flat where |x| >= %g: slope below %g, so sure neurons barely change"
                 % (flat_from, SIGMOID_FLAT_SLOPE))
    return lines


# ----------------------------------------------------------------------------
# The programs as the command line knows them
# ----------------------------------------------------------------------------

class Program(NamedTuple):
    """A post program for the command line: its name, its function, a line about it."""
    name: str
    function: Callable
    summary: str
    loop: Optional[Callable] = None   # where its training loop is, when not in `function`
    in_default_run: bool = True


PROGRAMS = [
    Program("nine-lines", nine_lines, "Milo Spencer-Harper's 9-line neuron: its answer for "
                                      "[1, 0, 0]"),
    Program("neuron", neuron, "the same neuron as Milo's NeuralNetwork class, weights before "
                              "and after", loop=NeuralNetwork.train),
    Program("two-layer", two_layer, "Andrew Trask's 2-layer network: its output after training"),
    Program("three-layer", three_layer, "Trask's 3-layer network learning XOR: the error every "
                                        "10,000 iterations"),
    Program("eleven-lines", eleven_lines, "Trask's 11-line version of it: the network's final "
                                          "output"),
    Program("multi-layer", multi_layer, "Milo's multi-layered network: both layers' weights "
                                        "before and after", loop=MultiLayerNeuralNetwork.train),
    # seven networks of 60,000 iterations: too slow for the run-them-all default
    Program("gradient-descent", gradient_descent, "Trask's Part 2: gradient descent, the error "
                                                  "for each learning rate alpha",
            in_default_run=False),
]


def default_of(function: Callable, parameter: str):
    """A parameter's default, read from the function itself: the one place it is set.

    >>> default_of(three_layer, "iterations")
    60000
    """
    import inspect  # here, not at the top: see training_loop
    return inspect.signature(function).parameters[parameter].default


def run(function: Callable, trace: bool = False, loop: Optional[Callable] = None, **settings):
    """function(**settings), its first and last iteration traced if asked (loop: where they are)."""
    if not trace:
        return function(**settings)
    iterations = settings.get("iterations", default_of(function, "iterations"))
    with tracing(loop or function, iterations):
        return function(**settings)


# ----------------------------------------------------------------------------
# bench: how long an iteration of each program's training takes
# ----------------------------------------------------------------------------

BENCH_RUNS = 5
# the 9-line post's 10,000: each run takes a second or so, and PyPy has time
# to compile the loops
BENCH_ITERATIONS = 10000


def run_bench(runs: int = BENCH_RUNS, iterations: int = BENCH_ITERATIONS, seed: int = 1) -> None:
    """Train each program `runs` times and print the median run's microseconds an iteration."""
    # gradient-descent: one alpha, as its networks all train alike
    settings = {program.name: {"alphas": [1]} if program.function is gradient_descent else {}
                for program in PROGRAMS}
    check_run((runs + 1) * sum(program_seconds(program.function, POST_NETWORKS[program.name],
                                               iterations=iterations, **settings[program.name])
                               for program in PROGRAMS), advice="use fewer runs or iterations")
    import platform    # here, not at the top: only bench needs them, and PyPy
    import statistics  # imports slowly before anything is compiled
    print("%s %s: each program's training, the median of %d runs after one to warm up"
          % (platform.python_implementation(), platform.python_version(), runs))
    width = max(len(program.name) for program in PROGRAMS)
    for program in PROGRAMS:
        seconds = []
        for _ in range(runs + 1):  # the first run warms up (PyPy compiles the loops then)
            with contextlib.redirect_stdout(io.StringIO()):
                start = time.perf_counter()
                program.function(iterations=iterations, seed=seed, **settings[program.name])
                seconds.append(time.perf_counter() - start)
        print("%-*s %9.1f us an iteration  (%d iterations a run)"
              % (width, program.name, statistics.median(seconds[1:]) / iterations * 1e6,
                 iterations))


# ----------------------------------------------------------------------------
# The command line
# ----------------------------------------------------------------------------

class CommandLineError(InputError):
    """A command line argparse could not read."""


class Parser(argparse.ArgumentParser):
    """argparse, but its errors are raised, for main() to report in one line."""

    def error(self, message):
        raise CommandLineError(message)


def build_parser() -> argparse.ArgumentParser:
    """The command line: no PROGRAM runs the posts' programs, a PROGRAM's name runs that one.

    Options arrive as text; read_options converts and checks them.
    """
    seeded = argparse.ArgumentParser(add_help=False)
    seeded.add_argument("--seed", default=argparse.SUPPRESS,
                        help="start from the weights np.random.seed(SEED) gives (default 1)")
    seeded.add_argument("--iterations", default=argparse.SUPPRESS,
                        help="training iterations, 0 to %d (default: the program's own)" % MAX_ITERATIONS)
    common = argparse.ArgumentParser(add_help=False, parents=[seeded])
    common.add_argument("--trace", action="store_true", default=argparse.SUPPRESS,
                        help="print every matrix of the first and the last iteration, "
                             "each with a note saying what it is")
    parser = Parser(prog="pureneuron.py", parents=[common],
                    description="The neural networks of Milo Spencer-Harper's and Andrew "
                                "Trask's posts, in pure Python. With no PROGRAM, runs them all "
                                "but gradient-descent.",
                    epilog=limits_text())
    parser.add_argument("--list", action="store_true", help="name the programs and stop")
    commands = parser.add_subparsers(dest="program", metavar="PROGRAM")
    for program in PROGRAMS:
        sub = commands.add_parser(program.name, parents=[common], help=program.summary,
                                  description=program.summary)
        if program.function is gradient_descent:
            sub.add_argument("--alpha", dest="alphas", action="append", metavar="A",
                             default=argparse.SUPPRESS,
                             help="train with learning rate A; repeat for several, up to %d "
                                  "(default: the post's 0.001, 0.01, 0.1, 1, 10, 100, 1000)"
                                  % MAX_ALPHAS)
            sub.add_argument("--hidden", dest="hidden_size", metavar="N",
                             default=argparse.SUPPRESS,
                             help="neurons in the hidden layer (default 4; the post's "
                                  "variant: 32)")
            sub.add_argument("--directions", action="store_true", default=argparse.SUPPRESS,
                             help="the post's third program: also print the weights and how "
                                  "often each one's update changed direction")
    train = commands.add_parser(
        "train", parents=[common],
        help="train a network of your own: layers, data, alpha, bias, ...",
        description="Train a network with the posts' arithmetic on a named table or a CSV file "
                    "(10,000 iterations unless --iterations says otherwise), then print its "
                    "weights and whatever else is asked for.")
    train.add_argument("--layers", metavar="SIZES",
                       help="the number of inputs, then each layer's neurons, like 3,4,1 or 3,1 "
                            "(default: the data's inputs, 4, 1)")
    train.add_argument("--data", default="trask", metavar="NAME|FILE",
                       help="a named table (%s; default trask) or a CSV file: one example a "
                            "line, the inputs then one target from 0 to 1, an optional first "
                            "line of names" % ", ".join(DATASETS))
    train.add_argument("--alpha", default="1",
                       help="learning rate, more than 0 (default 1, the posts' implicit rate)")
    train.add_argument("--bias", action="store_true",
                       help="add a constant input of 1 to every layer")
    train.add_argument("--every", default="0", metavar="N",
                       help="print the mean absolute error every N iterations, from iteration 0 "
                            "(default 0: never)")
    train.add_argument("--ask", action="append", default=[], metavar="1,0,0",
                       help="after training, the answer for this new situation (repeatable)")
    train.add_argument("--table", action="store_true",
                       help="after training, the answer for every 0/1 combination of the inputs")
    train.add_argument("--plot", action="store_true",
                       help="after training, draw the error curve in the terminal (on a log "
                            "scale when the error falls tenfold or more)")
    commands.add_parser("sigmoid", help="draw the sigmoid's S curve",
                        description="Draw the S curve, marking where it is steepest and where "
                                    "it flattens.")
    bench = commands.add_parser("bench", parents=[seeded], help="time each program's training",
                                description="Time each program's training and print "
                                            "microseconds an iteration, the median of several "
                                            "runs of %d iterations (or --iterations)."
                                            % BENCH_ITERATIONS)
    bench.add_argument("--runs", default=str(BENCH_RUNS),
                       help="runs of each program, 1 to %d (default %d)" % (MAX_RUNS, BENCH_RUNS))
    return parser


def read_options(args: argparse.Namespace) -> dict:
    """The options given, each converted from text and checked against its limits."""
    options = dict(vars(args))
    readers = {
        "seed": lambda text: whole_number(text, "--seed", 0, 2 ** 32 - 1),
        "iterations": lambda text: whole_number(text, "--iterations", 0, MAX_ITERATIONS),
        "hidden_size": lambda text: whole_number(text, "--hidden", 1, MAX_NEURONS),
        "alphas": lambda texts: [learning_rate(text) for text in texts],
        "alpha": learning_rate,
        "layers": layer_sizes,
        "every": lambda text: whole_number(text, "--every", 0, MAX_ITERATIONS),
        "ask": lambda texts: [numbers(text, "--ask") for text in texts],
        "runs": lambda text: whole_number(text, "--runs", 1, MAX_RUNS),
    }
    for name, read in readers.items():
        if options.get(name) is not None:
            options[name] = read(options[name])
    if options.get("program") == "bench" and options.get("iterations") == 0:
        raise InputError("bench needs --iterations of at least 1, got 0")
    if len(options.get("alphas", [])) > MAX_ALPHAS:
        raise InputError("--alpha is given %d times; at most %d"
                         % (len(options["alphas"]), MAX_ALPHAS))
    return options


def run_programs(options: dict) -> None:
    """The posts' programs: the one named, or every one in the default run, each under a heading."""
    settings = {name: options[name] for name in
                ("iterations", "seed", "alphas", "hidden_size", "directions") if name in options}
    chosen = [p for p in PROGRAMS if options["program"] == p.name
              or (options["program"] is None and p.in_default_run)]
    check_run(sum(program_seconds(program.function, POST_NETWORKS[program.name],
                                  options.get("trace", False), **settings)
                  for program in chosen), advice="use fewer iterations")
    for number, program in enumerate(chosen):
        if options["program"] is None:
            print("%s== %s: %s" % ("\n" if number else "", program.name, program.summary))
        run(program.function, options.get("trace", False), program.loop, **settings)


def run_train(options: dict) -> None:
    """The train command: check the data and settings together, train, print what was asked."""
    X, y, description = load_data(options["data"])
    layers = options["layers"] or [len(X[0]), 4, len(y[0])]
    bias = options["bias"]
    check_network(X, y, layers, bias)
    for situation in options["ask"]:
        if len(situation) != layers[0]:
            raise InputError("--ask %s gives %s, but the network takes %d inputs"
                             % (",".join(map(str, situation)), plural(len(situation), "number"),
                                layers[0]))
    if options["table"] and layers[0] > TABLE_MAX_INPUTS:
        raise InputError("--table lists every 0/1 combination of the inputs, for up to %d "
                         "inputs (%d rows); this network has %d"
                         % (TABLE_MAX_INPUTS, 2 ** TABLE_MAX_INPUTS, layers[0]))
    iterations = options.get("iterations", default_of(train_network, "iterations"))
    seed = options.get("seed", default_of(train_network, "seed"))
    every = options["every"]
    noted = every or (math.ceil(iterations / 600) if options["plot"] else 0)
    trace = options.get("trace", False)
    check_run(train_seconds(iterations, len(X), layers, bias, trace, noted, len(options["ask"]),
                            options["table"]),
              train_bytes(iterations, len(X), layers, bias, trace, noted))
    print("Data: %s, %s" % (options["data"], description))
    print("Training layers %s for %d iterations, alpha %s, seed %d%s"
          % (",".join(map(str, layers)), iterations, python2_str(options["alpha"]), seed,
             ", with bias" if bias else ""))
    settings = dict(X=X, y=y, layers=layers, iterations=iterations, alpha=options["alpha"],
                    seed=seed, bias=bias, on_error=print_error if every else None,
                    # --plot draws at most about 600 points: memory stays the same
                    # however long it trains
                    every=noted)
    result = run(train_network, trace, **settings)
    print_training(result, options["ask"], (X, y) if options["table"] else None, options["plot"])


def print_error(iteration: int, error: float) -> None:
    """One line of train --every."""
    print("Error after %d iterations:%s" % (iteration, python2_str(error)))


def main(argv: Optional[List[str]] = None) -> int:
    """Run the command line and return its exit status: bad input is one line and status 2."""
    if sys.stdout is None:  # started with its output closed: nowhere to print
        if sys.stderr is not None:
            print("pureneuron.py: error: standard output is closed", file=sys.stderr)
        return 1
    try:
        check_arguments(sys.argv[1:] if argv is None else argv)
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as done:  # --help has printed its text
            return done.code or 0
        options = read_options(args)
        if options["list"]:
            width = max(len(program.name) for program in PROGRAMS)
            for program in PROGRAMS:
                print("%-*s %s" % (width, program.name, program.summary))
        elif options["program"] == "train":
            run_train(options)
        elif options["program"] == "sigmoid":
            print("\n".join(sigmoid_picture()))
        elif options["program"] == "bench":
            run_bench(**{name: options[name] for name in ("runs", "iterations", "seed")
                         if name in options})
        else:
            run_programs(options)
        sys.stdout.flush()  # so that a full disk is reported here, not at exit
        return 0
    except InputError as error:
        print("pureneuron.py: error: %s" % error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pureneuron.py: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, as other commands do, and
        # point stdout at nothing so that Python's last flush has nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        if error.errno not in (errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EBADF):
            raise  # not the output: something else went wrong
        print("pureneuron.py: error: cannot write the output: %s" % error.strerror,
              file=sys.stderr)
        return 1


def started_as_script() -> bool:
    """Whether this file was run (python3 pureneuron.py, %run), not pasted into a notebook cell.

    Pasted into a cell, the code runs as __main__ too, but sys.argv is the
    notebook kernel's and there may be no __file__: then nothing should run.
    """
    return "__file__" in globals() and os.path.abspath(sys.argv[0]) == os.path.abspath(__file__)


if __name__ == "__main__" and started_as_script():
    sys.exit(main())
