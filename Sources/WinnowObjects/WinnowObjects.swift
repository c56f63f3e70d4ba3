// WinnowObjects
