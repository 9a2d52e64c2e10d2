// Tests never read a developer's .env or reach the network by accident.
process.env.THROUGHLINE_SKIP_DOTENV = '1';
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
