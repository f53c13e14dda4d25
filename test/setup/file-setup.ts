// Decorator metadata for type-graphql and MikroORM, as src/main.ts loads it in production.
import 'reflect-metadata';
