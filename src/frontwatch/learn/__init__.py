"""Training the learned event coder: data (data.py) and fine-tuning and export (train.py)."""
