// WinnowStoreSQLite
