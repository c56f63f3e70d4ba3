// WinnowTesting
