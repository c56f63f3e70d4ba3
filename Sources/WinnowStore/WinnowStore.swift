// WinnowStore
