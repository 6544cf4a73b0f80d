package storage

import "errors"

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }

// IsNotFound reports whether err means the document does not exist.
func IsNotFound(err error) bool { return isNotFound(err) }
