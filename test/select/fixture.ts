/** A small spec for the selection tests: tags, sub-resources, a method-name clash and a model-name clash. */
export const SELECT_SPEC = `openapi: 3.1.0
info:
  title: Shop
  version: 1.0.0
servers:
  - url: https://api.example.com
paths:
  /v1/pets/{id}:
    get:
      operationId: getPetV1
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: A pet
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Pet' }
  /v2/pets/{id}:
    get:
      operationId: getPetV2
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: A pet, the other way
          content:
            application/json:
              schema: { $ref: '#/components/schemas/pet' }
  /v1/orders:
    post:
      operationId: createOrder
      tags: [Orders]
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/OrderCreate' }
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Order' }
  /v1/orders/{id}/items:
    get:
      operationId: listOrderItems
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: Items
          content:
            application/json:
              schema:
                type: array
                items: { $ref: '#/components/schemas/Item' }
components:
  schemas:
    Pet:
      type: object
      properties:
        name: { type: string }
    pet:
      type: object
      properties:
        nickname: { type: string }
    Order:
      type: object
      properties:
        items:
          type: array
          items: { $ref: '#/components/schemas/Item' }
    OrderCreate:
      type: object
      properties:
        note: { type: string }
    Item:
      type: object
      properties:
        sku: { type: string }
        parent: { $ref: '#/components/schemas/Item' }
    Unused:
      type: object
      properties:
        x: { type: string }
`;
