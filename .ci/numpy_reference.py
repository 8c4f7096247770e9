"""The posts' programs written with numpy, as the posts printed them (xrange made range).

pureneuron.py never imports numpy; these are what it is measured against.
test_pureneuron.py loads this file by its path and compares pureneuron's printed
output and numbers with these at other seeds and lengths; .ci/bench_vs_numpy.py
times them beside pureneuron.  One copy serves both.

Each program takes numpy as its first argument, `np` (so that loading this file
needs no numpy), then its iteration count and seed; it prints what its post
printed, when the post printed it, and returns its numbers under the names
pureneuron's program returns them.  The posts printed with Python 2 and numpy
1.13: `py2_str` and `np_str` write floats and arrays as those did.  Where a post
left a case undefined (0 iterations), the program gives the untrained result, as
pureneuron does.
"""

import math


def np_str(np, a):
    """str(a) as numpy 1.13 printed it."""
    with np.printoptions(legacy="1.13"):
        return str(np.asarray(a))


def py2_str(x):
    """str(x) in Python 2, as its format_float_short wrote it (checked against Python 2.7).

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


def sigmoid(np, x):
    """1 / (1 + e^-x), the posts' sigmoid."""
    return 1 / (1 + np.exp(-x))


# --- Milo Spencer-Harper's programs ------------------------------------------

def nine_lines(np, iterations=10000, seed=1):
    """The 9-line neuron: its answer for [1, 0, 0]."""
    training_set_inputs = np.array([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]])
    training_set_outputs = np.array([[0, 1, 1, 0]]).T
    np.random.seed(seed)
    synaptic_weights = 2 * np.random.random((3, 1)) - 1
    for iteration in range(iterations):
        output = 1 / (1 + np.exp(-(np.dot(training_set_inputs, synaptic_weights))))
        synaptic_weights += np.dot(training_set_inputs.T, (training_set_outputs - output)
                                   * output * (1 - output))
    answer = 1 / (1 + np.exp(-(np.dot(np.array([1, 0, 0]), synaptic_weights))))
    print(np_str(np, answer))
    return {"synaptic_weights": synaptic_weights, "answer": answer}


def neuron(np, iterations=10000, seed=1):
    """The post's NeuralNetwork class, written out as one loop."""
    training_set_inputs = np.array([[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]])
    training_set_outputs = np.array([[0, 1, 1, 0]]).T
    np.random.seed(seed)
    synaptic_weights = 2 * np.random.random((3, 1)) - 1
    starting_weights = synaptic_weights.copy()
    print("Random starting synaptic weights: ")
    print(np_str(np, synaptic_weights))
    for iteration in range(iterations):
        output = sigmoid(np, np.dot(training_set_inputs, synaptic_weights))
        error = training_set_outputs - output
        adjustment = np.dot(training_set_inputs.T, error * (output * (1 - output)))
        synaptic_weights += adjustment
    print("New synaptic weights after training: ")
    print(np_str(np, synaptic_weights))
    print("Considering new situation [1, 0, 0] -> ?: ")
    answer = sigmoid(np, np.dot(np.array([1, 0, 0]), synaptic_weights))
    print(np_str(np, answer))
    return {"starting_weights": starting_weights, "synaptic_weights": synaptic_weights,
            "answer": answer}


def multi_layer(np, iterations=60000, seed=1):
    """The post's two NeuronLayers, 4 neurons and 1, written out as one loop."""
    training_set_inputs = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [0, 1, 0], [1, 0, 0],
                                    [1, 1, 1], [0, 0, 0]])
    training_set_outputs = np.array([[0, 1, 1, 1, 1, 0, 0]]).T
    np.random.seed(seed)
    layer1 = 2 * np.random.random((3, 4)) - 1
    layer2 = 2 * np.random.random((4, 1)) - 1
    starting_weights = (layer1.copy(), layer2.copy())

    def print_weights():
        print("    Layer 1 (4 neurons, each with 3 inputs): ")
        print(np_str(np, layer1))
        print("    Layer 2 (1 neuron, with 4 inputs):")
        print(np_str(np, layer2))
    print("Stage 1) Random starting synaptic weights: ")
    print_weights()
    for iteration in range(iterations):
        output_from_layer_1 = sigmoid(np, np.dot(training_set_inputs, layer1))
        output_from_layer_2 = sigmoid(np, np.dot(output_from_layer_1, layer2))
        layer2_error = training_set_outputs - output_from_layer_2
        layer2_delta = layer2_error * (output_from_layer_2 * (1 - output_from_layer_2))
        layer1_error = layer2_delta.dot(layer2.T)
        layer1_delta = layer1_error * (output_from_layer_1 * (1 - output_from_layer_1))
        layer1_adjustment = training_set_inputs.T.dot(layer1_delta)
        layer2_adjustment = output_from_layer_1.T.dot(layer2_delta)
        layer1 += layer1_adjustment
        layer2 += layer2_adjustment
    print("Stage 2) New synaptic weights after training: ")
    print_weights()
    print("Stage 3) Considering a new situation [1, 1, 0] -> ?: ")
    hidden_state = sigmoid(np, np.dot(np.array([1, 1, 0]), layer1))
    output = sigmoid(np, np.dot(hidden_state, layer2))
    print(np_str(np, output))
    return {"starting_weights": starting_weights, "synaptic_weights": (layer1, layer2),
            "output": output}


# --- Andrew Trask's programs -------------------------------------------------

def nonlin(np, x, deriv=False):
    """Trask's sigmoid, or its slope given the sigmoid's output."""
    if deriv == True:  # noqa: E712 -- the post's comparison
        return x * (1 - x)
    return 1 / (1 + np.exp(-x))


def two_layer(np, iterations=10000, seed=1):
    """Part 1's 2-layer network."""
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0, 0, 1, 1]]).T
    np.random.seed(seed)
    syn0 = 2 * np.random.random((3, 1)) - 1
    l1 = nonlin(np, np.dot(X, syn0))  # what 0 iterations leave
    for iter in range(iterations):
        l0 = X
        l1 = nonlin(np, np.dot(l0, syn0))
        l1_error = y - l1
        l1_delta = l1_error * nonlin(np, l1, True)
        syn0 += np.dot(l0.T, l1_delta)
    print("Output After Training:")
    print(np_str(np, l1))
    return {"l1": l1, "syn0": syn0}


def three_layer(np, iterations=60000, seed=1):
    """Part 1's 3-layer network, printing its error every 10,000 iterations."""
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0], [1], [1], [0]])
    np.random.seed(seed)
    syn0 = 2 * np.random.random((3, 4)) - 1
    syn1 = 2 * np.random.random((4, 1)) - 1
    errors = []
    for j in range(iterations):
        l0 = X
        l1 = nonlin(np, np.dot(l0, syn0))
        l2 = nonlin(np, np.dot(l1, syn1))
        l2_error = y - l2
        if (j % 10000) == 0:
            errors.append(float(np.mean(np.abs(l2_error))))
            print("Error:" + py2_str(errors[-1]))
        l2_delta = l2_error * nonlin(np, l2, deriv=True)
        l1_error = l2_delta.dot(syn1.T)
        l1_delta = l1_error * nonlin(np, l1, deriv=True)
        syn1 += l1.T.dot(l2_delta)
        syn0 += l0.T.dot(l1_delta)
    return {"errors": errors, "syn0": syn0, "syn1": syn1}


def eleven_lines(np, iterations=60000, seed=1):
    """The 11-line network; the post printed nothing, so this prints its final l2."""
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0, 1, 1, 0]]).T
    np.random.seed(seed)
    syn0 = 2 * np.random.random((3, 4)) - 1
    syn1 = 2 * np.random.random((4, 1)) - 1
    l2 = 1 / (1 + np.exp(-(np.dot(1 / (1 + np.exp(-(np.dot(X, syn0)))), syn1))))  # 0 iterations
    for j in range(iterations):
        l1 = 1 / (1 + np.exp(-(np.dot(X, syn0))))
        l2 = 1 / (1 + np.exp(-(np.dot(l1, syn1))))
        l2_delta = (y - l2) * (l2 * (1 - l2))
        l1_delta = l2_delta.dot(syn1.T) * (l1 * (1 - l1))
        syn1 += l1.T.dot(l2_delta)
        syn0 += X.T.dot(l1_delta)
    print(np_str(np, l2))
    return {"l2": l2, "syn0": syn0, "syn1": syn1}


def gradient_descent(np, iterations=60000, seed=1, alphas=(0.001, 0.01, 0.1, 1, 10, 100, 1000),
                     hidden_size=4, directions=False):
    """Part 2: one network for each alpha.  directions=True is the post's direction-counting
    program, with its own sign (y - layer_2, +=) and printing; else the alphas program
    (hidden_size 32: its variant), layer_2 - y and -=."""
    X = np.array([[0, 0, 1], [0, 1, 1], [1, 0, 1], [1, 1, 1]])
    y = np.array([[0], [1], [1], [0]])
    results = []
    for alpha in alphas:
        print("\nTraining With Alpha:" + py2_str(alpha))
        np.random.seed(seed)
        synapse_0 = 2 * np.random.random((3, hidden_size)) - 1
        synapse_1 = 2 * np.random.random((hidden_size, 1)) - 1
        synapse_0_direction_count = np.zeros_like(synapse_0)
        synapse_1_direction_count = np.zeros_like(synapse_1)
        errors = []
        with np.errstate(over="ignore"):  # e^1000 at alpha 1000: inf, as the post had
            for j in range(iterations):
                layer_0 = X
                layer_1 = sigmoid(np, np.dot(layer_0, synapse_0))
                layer_2 = sigmoid(np, np.dot(layer_1, synapse_1))
                layer_2_error = y - layer_2 if directions else layer_2 - y
                if (j % 10000) == 0:
                    errors.append(float(np.mean(np.abs(layer_2_error))))
                    print(("Error:" if directions else "Error after %d iterations:" % j)
                          + py2_str(errors[-1]))
                layer_2_delta = layer_2_error * (layer_2 * (1 - layer_2))
                layer_1_error = layer_2_delta.dot(synapse_1.T)
                layer_1_delta = layer_1_error * (layer_1 * (1 - layer_1))
                synapse_1_weight_update = layer_1.T.dot(layer_2_delta)
                synapse_0_weight_update = layer_0.T.dot(layer_1_delta)
                if not directions:
                    synapse_1 -= alpha * synapse_1_weight_update
                    synapse_0 -= alpha * synapse_0_weight_update
                    continue
                if j > 0:
                    synapse_0_direction_count += np.abs(((synapse_0_weight_update > 0) + 0)
                                                        - ((prev_synapse_0_weight_update > 0) + 0))
                    synapse_1_direction_count += np.abs(((synapse_1_weight_update > 0) + 0)
                                                        - ((prev_synapse_1_weight_update > 0) + 0))
                synapse_1 += alpha * synapse_1_weight_update
                synapse_0 += alpha * synapse_0_weight_update
                prev_synapse_0_weight_update = synapse_0_weight_update
                prev_synapse_1_weight_update = synapse_1_weight_update
        if directions:
            print("Synapse 0")
            print(np_str(np, synapse_0))
            print("Synapse 0 Update Direction Changes")
            print(np_str(np, synapse_0_direction_count))
            print("Synapse 1")
            print(np_str(np, synapse_1))
            print("Synapse 1 Update Direction Changes")
            print(np_str(np, synapse_1_direction_count))
        results.append({"alpha": alpha, "errors": errors, "synapse_0": synapse_0,
                        "synapse_1": synapse_1})
        if directions:  # counted only there
            results[-1].update(synapse_0_direction_count=synapse_0_direction_count,
                               synapse_1_direction_count=synapse_1_direction_count)
    return results


# --- the playground's network ------------------------------------------------

def train_network(np, X, y, layers, iterations, alpha=1, seed=1, bias=False):
    """Trask's loop for any layers, with a learning rate and a bias; prints nothing."""
    np.random.seed(seed)
    extra = 1 if bias else 0
    weights = [2 * np.random.random((inputs + extra, neurons)) - 1
               for inputs, neurons in zip(layers, layers[1:])]

    def with_bias(m):
        return np.hstack([m, np.ones((len(m), 1))]) if bias else m
    errors = []
    for _ in range(iterations):
        outputs = [np.array(X, dtype=float)]
        for w in weights:
            outputs.append(sigmoid(np, with_bias(outputs[-1]).dot(w)))
        error = np.array(y) - outputs[-1]
        errors.append(float(np.mean(np.abs(error))))
        for k in reversed(range(len(weights))):
            delta = error * (outputs[k + 1] * (1 - outputs[k + 1]))
            error = delta.dot(weights[k][:len(weights[k]) - extra].T)
            weights[k] = weights[k] + alpha * with_bias(outputs[k]).T.dot(delta)
    return {"weights": weights, "errors": errors}


# The programs by pureneuron's names for them.
PROGRAMS = {"nine-lines": nine_lines, "neuron": neuron, "two-layer": two_layer,
            "three-layer": three_layer, "eleven-lines": eleven_lines,
            "multi-layer": multi_layer, "gradient-descent": gradient_descent}
