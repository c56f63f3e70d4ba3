// WinnowEngine
